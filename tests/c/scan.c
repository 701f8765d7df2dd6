/* Scanning: findings, offsets, normalized values, kind names, region hints. */
#include "check.h"

static const char *TEXT =
    "Hi! WhatsApp me at +91 98765 43210 or mail priya@example.in, order #48213977";

int main(void) {
    const char *version = piimask_version();
    CHECK(version != NULL && version[0] >= '0' && version[0] <= '9');

    piimask_scanner *s = scanner_from("{\"region\": \"IN\"}");
    piimask_findings *found = NULL;
    CHECK_OK(piimask_scan(s, (const uint8_t *)TEXT, strlen(TEXT), NULL, &found));
    CHECK(piimask_findings_len(found) == 2);

    piimask_finding f;
    CHECK_OK(piimask_findings_get(found, 0, &f));
    CHECK(f.kind == 1);
    CHECK(strcmp(piimask_kind_name(f.kind), "phone") == 0);
    CHECK(f.start == offset_of(TEXT, "+91"));
    CHECK(f.end == f.start + strlen("+91 98765 43210"));
    CHECK(f.confidence > 0.5f && f.confidence <= 1.0f);
    CHECK(bytes_eq(f.normalized, f.normalized_len, "+919876543210"));

    CHECK_OK(piimask_findings_get(found, 1, &f));
    CHECK(f.kind == 2);
    CHECK(strcmp(piimask_scanner_kind_name(s, f.kind), "email") == 0);
    CHECK(f.start == offset_of(TEXT, "priya@"));
    CHECK(f.end == offset_of(TEXT, ", order"));
    CHECK(bytes_eq(f.normalized, f.normalized_len, "priya@example.in"));

    /* All at once: the same findings. */
    const piimask_finding *items = NULL;
    size_t count = 0;
    CHECK_OK(piimask_findings_items(found, &items, &count));
    CHECK(count == 2 && items != NULL);
    CHECK(items[1].start == f.start && items[1].end == f.end && items[1].kind == f.kind);
    CHECK(items[0].normalized_len == 13);

    /* Out of range: status, and the out-parameter is untouched. */
    f.kind = 777;
    CHECK_STATUS(piimask_findings_get(found, 2, &f), PIIMASK_STATUS_OUT_OF_RANGE);
    CHECK(f.kind == 777);
    piimask_findings_free(found);

    /* Region hints: the scanner's default, another per call, or none. */
    const char *national = "call 98765 43210 today";
    CHECK_OK(piimask_scan(s, (const uint8_t *)national, strlen(national), NULL, &found));
    CHECK(piimask_findings_len(found) == 1);
    piimask_findings_free(found);
    CHECK_OK(piimask_scan(s, (const uint8_t *)national, strlen(national), "", &found));
    CHECK(piimask_findings_len(found) == 0);
    piimask_findings_free(found);
    const char *ar = "llamame al (011) 2345-6789";
    CHECK_OK(piimask_scan(s, (const uint8_t *)ar, strlen(ar), "AR", &found));
    CHECK(piimask_findings_len(found) == 1);
    CHECK_OK(piimask_findings_get(found, 0, &f));
    CHECK(bytes_eq(f.normalized, f.normalized_len, "+541123456789"));
    piimask_findings_free(found);

    /* The empty text, also as NULL. */
    CHECK_OK(piimask_scan(s, NULL, 0, NULL, &found));
    CHECK(piimask_findings_len(found) == 0);
    CHECK_OK(piimask_findings_items(found, &items, &count));
    CHECK(count == 0 && items == NULL);
    piimask_findings_free(found);

    /* A findings object reused across scans: one call scans and reads. */
    piimask_findings *reused = NULL;
    CHECK_OK(piimask_findings_new(&reused));
    CHECK(piimask_findings_len(reused) == 0);
    for (int round = 0; round < 3; round++) {
        CHECK_OK(piimask_scan_into(s, (const uint8_t *)TEXT, strlen(TEXT), NULL, reused, &items,
                                   &count));
        CHECK(count == 2 && items[0].kind == 1 && items[1].kind == 2);
        CHECK(bytes_eq(items[0].normalized, items[0].normalized_len, "+919876543210"));
        CHECK_OK(piimask_scan_into(s, (const uint8_t *)national, strlen(national), "", reused,
                                   &items, &count));
        CHECK(count == 0 && items == NULL);
    }
    CHECK_OK(piimask_scan_into(s, (const uint8_t *)TEXT, strlen(TEXT), NULL, reused, NULL, NULL));
    CHECK(piimask_findings_len(reused) == 2);
    count = 99;
    CHECK_STATUS(piimask_scan_into(s, (const uint8_t *)TEXT, strlen(TEXT), "XX", reused, &items,
                                   &count),
                 PIIMASK_STATUS_UNKNOWN_REGION);
    CHECK(count == 99 && piimask_findings_len(reused) == 0); /* emptied on failure */
    CHECK_STATUS(piimask_scan_into(s, NULL, 1, NULL, reused, &items, &count),
                 PIIMASK_STATUS_NULL_ARGUMENT);
    CHECK_STATUS(piimask_scan_into(s, NULL, 0, NULL, NULL, &items, &count),
                 PIIMASK_STATUS_NULL_ARGUMENT);
    CHECK_STATUS(piimask_findings_new(NULL), PIIMASK_STATUS_NULL_ARGUMENT);
    piimask_findings_free(reused);
    piimask_scanner_free(s);

    /* Only some kinds; the defaults know no region. */
    s = scanner_from("{\"kinds\": [\"email\"]}");
    CHECK_OK(piimask_scan(s, (const uint8_t *)TEXT, strlen(TEXT), NULL, &found));
    CHECK(piimask_findings_len(found) == 1);
    CHECK_OK(piimask_findings_get(found, 0, &f));
    CHECK(f.kind == 2);
    piimask_findings_free(found);
    piimask_scanner_free(s);

    s = scanner_from(NULL);
    CHECK_OK(piimask_scan(s, (const uint8_t *)national, strlen(national), NULL, &found));
    CHECK(piimask_findings_len(found) == 0);
    piimask_findings_free(found);
    CHECK(piimask_scanner_kind_name(s, PIIMASK_CUSTOM_KIND_FIRST) == NULL);
    CHECK(strcmp(piimask_scanner_kind_name(s, 3), "credit_card") == 0);
    piimask_scanner_free(s);

    puts("scan: ok");
    return 0;
}
