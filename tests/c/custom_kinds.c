/* Custom kinds from the configuration: codes from PIIMASK_CUSTOM_KIND_FIRST
   in name order, named by the scanner. */
#include "check.h"

static const char *CONFIG =
    "{\"region\": \"IN\", \"custom\": ["
    "{\"kind\": \"employee_id\", \"pattern\": \"\\\\bEMP-\\\\d{6}\\\\b\"},"
    "{\"kind\": \"customer_name\", \"terms\": [\"Priya Raman\"], \"case_insensitive\": true}]}";

int main(void) {
    piimask_scanner *s = scanner_from(CONFIG);
    /* Name order: customer_name < employee_id. */
    CHECK(strcmp(piimask_scanner_kind_name(s, PIIMASK_CUSTOM_KIND_FIRST), "customer_name") == 0);
    CHECK(strcmp(piimask_scanner_kind_name(s, PIIMASK_CUSTOM_KIND_FIRST + 1), "employee_id") == 0);
    CHECK(piimask_scanner_kind_name(s, PIIMASK_CUSTOM_KIND_FIRST + 2) == NULL);
    CHECK(piimask_kind_name(PIIMASK_CUSTOM_KIND_FIRST) == NULL); /* not global */
    CHECK(strcmp(piimask_scanner_kind_name(s, 1), "phone") == 0);

    const char *text = "priya raman (EMP-123456) called from +91 98765 43210";
    piimask_findings *found = NULL;
    CHECK_OK(piimask_scan(s, (const uint8_t *)text, strlen(text), NULL, &found));
    CHECK(piimask_findings_len(found) == 3);
    piimask_finding f;
    CHECK_OK(piimask_findings_get(found, 0, &f));
    CHECK(f.kind == PIIMASK_CUSTOM_KIND_FIRST && f.start == 0 && f.end == 11);
    CHECK_OK(piimask_findings_get(found, 1, &f));
    CHECK(f.kind == PIIMASK_CUSTOM_KIND_FIRST + 1 && f.start == offset_of(text, "EMP-"));
    CHECK_OK(piimask_findings_get(found, 2, &f));
    CHECK(f.kind == 1);
    piimask_findings_free(found);

    piimask_bytes *out = NULL;
    CHECK_OK(piimask_redact(s, (const uint8_t *)text, strlen(text), NULL, NULL, &out));
    CHECK(strstr((const char *)piimask_bytes_data(out), "EMP-123456") == NULL);
    CHECK(strstr((const char *)piimask_bytes_data(out), "raman") == NULL);
    piimask_bytes_free(out);
    piimask_scanner_free(s);

    /* Selecting only a custom kind; a bad pattern names its field. */
    s = scanner_from(
        "{\"kinds\": [\"employee_id\"], \"custom\": [{\"kind\": \"employee_id\", \"pattern\": \"EMP-\\\\d+\"}]}");
    CHECK_OK(piimask_scan(s, (const uint8_t *)text, strlen(text), NULL, &found));
    CHECK(piimask_findings_len(found) == 1);
    CHECK_OK(piimask_findings_get(found, 0, &f));
    CHECK(f.kind == PIIMASK_CUSTOM_KIND_FIRST);
    piimask_findings_free(found);
    piimask_scanner_free(s);

    piimask_scanner *bad = NULL;
    const char *broken = "{\"custom\": [{\"kind\": \"x\", \"pattern\": \"(\"}]}";
    CHECK_STATUS(piimask_scanner_new(broken, strlen(broken), &bad), PIIMASK_STATUS_INVALID_CONFIG);
    char why[256];
    piimask_last_error(why, sizeof why);
    CHECK(strstr(why, "custom[0]") != NULL);
    CHECK(bad == NULL);

    puts("custom_kinds: ok");
    return 0;
}
