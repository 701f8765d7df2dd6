/* The confidence threshold: the configuration's "min_confidence" and a
 * role's own, at several values. */
#include "check.h"

/* A national-format phone (0.85), a bare card (0.92 with its keyword), a
 * phone with `+` (0.95) and an e-mail (0.97). */
static const char *TEXT =
    "call 98765 43210, card 4111111111111111, or +91 98765 43211, mail a@example.com";

static size_t count_at(const char *config) {
    piimask_scanner *s = scanner_from(config);
    piimask_findings *found = NULL;
    CHECK_OK(piimask_scan(s, (const uint8_t *)TEXT, strlen(TEXT), NULL, &found));
    size_t n = piimask_findings_len(found);
    for (size_t i = 0; i < n; i++) {
        piimask_finding f;
        CHECK_OK(piimask_findings_get(found, i, &f));
        CHECK(f.confidence >= 0.5f);
    }
    piimask_findings_free(found);
    piimask_scanner_free(s);
    return n;
}

int main(void) {
    CHECK(count_at("{\"region\": \"IN\"}") == 4);
    CHECK(count_at("{\"region\": \"IN\", \"min_confidence\": 0}") == 4);
    CHECK(count_at("{\"region\": \"IN\", \"min_confidence\": 0.5}") == 4);
    CHECK(count_at("{\"region\": \"IN\", \"min_confidence\": 0.86}") == 3);
    CHECK(count_at("{\"region\": \"IN\", \"min_confidence\": 0.93}") == 2);
    CHECK(count_at("{\"region\": \"IN\", \"min_confidence\": 0.96}") == 1);
    CHECK(count_at("{\"region\": \"IN\", \"min_confidence\": 1}") == 0);

    /* Out of range: an invalid configuration, `out` untouched. */
    piimask_scanner *bad = (piimask_scanner *)&bad;
    const char *high = "{\"min_confidence\": 1.5}";
    CHECK_STATUS(piimask_scanner_new(high, strlen(high), &bad),
                 PIIMASK_STATUS_INVALID_CONFIG);
    CHECK(bad == (piimask_scanner *)&bad);

    /* A role's own threshold applies when redacting as that role. */
    piimask_scanner *s = scanner_from(
        "{\"region\": \"IN\", \"min_confidence\": 0.9, \"policy\": {\"roles\": "
        "{\"strict\": {\"default\": \"label\", \"min_confidence\": 0.5}}}}");
    const char *text = "call 98765 43210 or +91 98765 43211";
    piimask_bytes *masked = NULL;
    CHECK_OK(piimask_redact(s, (const uint8_t *)text, strlen(text), NULL, "strict", &masked));
    CHECK(bytes_eq(piimask_bytes_data(masked), piimask_bytes_len(masked),
                   "call [PHONE] or [PHONE]"));
    piimask_bytes_free(masked);
    CHECK_OK(piimask_redact(s, (const uint8_t *)text, strlen(text), NULL, NULL, &masked));
    CHECK(bytes_eq(piimask_bytes_data(masked), piimask_bytes_len(masked),
                   "call 98765 43210 or +91 \xe2\x80\xa2\xe2\x80\xa2\xe2\x80\xa2\xe2\x80\xa2\xe2\x80\xa2 \xe2\x80\xa2\xe2\x80\xa2" "211"));
    piimask_bytes_free(masked);
    piimask_scanner_free(s);

    puts("min_confidence: ok");
    return 0;
}
