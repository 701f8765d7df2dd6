/* Errors: NULL arguments, bad configurations and regions, status messages,
   the last error, and out-parameters left untouched on failure. */
#include "check.h"

static piimask_scanner *const UNTOUCHED = (piimask_scanner *)(uintptr_t)0x1234;

static void bad_config(const char *json, size_t len, piimask_status expected, const char *why) {
    piimask_scanner *s = UNTOUCHED;
    CHECK_STATUS(piimask_scanner_new(json, len, &s), expected);
    CHECK(s == UNTOUCHED);
    char message[256];
    size_t full = piimask_last_error(message, sizeof message);
    CHECK(full > 0 && full < sizeof message);
    if (strstr(message, why) == NULL) {
        fprintf(stderr, "last error %s does not mention %s\n", message, why);
        exit(1);
    }
}

int main(void) {
    /* Status messages: every status has one; other values too. */
    for (uint32_t st = PIIMASK_STATUS_OK; st <= PIIMASK_STATUS_NOT_FOUND; st++) {
        CHECK(piimask_status_message(st) != NULL);
        CHECK(strcmp(piimask_status_message(st), "unknown status") != 0);
    }
    CHECK(strcmp(piimask_status_message(PIIMASK_STATUS_OK), "success") == 0);
    CHECK(strcmp(piimask_status_message(999), "unknown status") == 0);
    CHECK(strcmp(piimask_status_message(UINT32_MAX), "unknown status") == 0);
    CHECK(piimask_kind_name(0) == NULL && piimask_kind_name(99999) == NULL);

    /* No failure yet on this thread. */
    CHECK(piimask_last_error(NULL, 0) == 0);

    /* Configurations. */
    bad_config("{", 1, PIIMASK_STATUS_INVALID_CONFIG, "malformed JSON");
    bad_config("{\"regoin\": \"IN\"}", 16, PIIMASK_STATUS_INVALID_CONFIG, "invalid configuration");
    bad_config("{\"region\": \"XX\"}", 16, PIIMASK_STATUS_UNKNOWN_REGION, "unknown region");
    bad_config("{\"kinds\": [\"phone\", \"shoe_size\"]}", 33, PIIMASK_STATUS_UNKNOWN_KIND,
               "shoe_size");
    bad_config("{\"region\": \"\xff\"}", 15, PIIMASK_STATUS_INVALID_CONFIG, "not UTF-8");
    /* The length counts, not a NUL: a prefix of a valid document is invalid. */
    bad_config("{\"region\": \"IN\"}", 5, PIIMASK_STATUS_INVALID_CONFIG, "malformed JSON");
    CHECK_STATUS(piimask_scanner_new(NULL, 0, NULL), PIIMASK_STATUS_NULL_ARGUMENT);

    /* The last error: snprintf-like truncation. */
    char small[5];
    size_t full = piimask_last_error(small, sizeof small);
    CHECK(full > 4 && strlen(small) == 4);

    piimask_scanner *s = scanner_from("{\"region\": \"IN\"}");
    const uint8_t *text = (const uint8_t *)"call +91 98765 43210";
    size_t len = 20;

    /* NULL arguments. */
    piimask_findings *found = (piimask_findings *)&found;
    CHECK_STATUS(piimask_scan(NULL, text, len, NULL, &found), PIIMASK_STATUS_NULL_ARGUMENT);
    CHECK_STATUS(piimask_scan(s, NULL, len, NULL, &found), PIIMASK_STATUS_NULL_ARGUMENT);
    CHECK_STATUS(piimask_scan(s, text, len, NULL, NULL), PIIMASK_STATUS_NULL_ARGUMENT);
    CHECK(found == (piimask_findings *)&found);
    piimask_bytes *out = (piimask_bytes *)&out;
    CHECK_STATUS(piimask_redact(NULL, text, len, NULL, NULL, &out), PIIMASK_STATUS_NULL_ARGUMENT);
    CHECK_STATUS(piimask_redact(s, NULL, len, NULL, NULL, &out), PIIMASK_STATUS_NULL_ARGUMENT);
    CHECK_STATUS(piimask_redact(s, text, len, NULL, NULL, NULL), PIIMASK_STATUS_NULL_ARGUMENT);
    CHECK(out == (piimask_bytes *)&out);
    char message[128];
    piimask_last_error(message, sizeof message);
    CHECK(strstr(message, "`out` is NULL") != NULL);

    piimask_finding f;
    const piimask_finding *items;
    size_t count;
    const size_t *offsets;
    const uint8_t *data;
    CHECK(piimask_findings_len(NULL) == 0);
    CHECK_STATUS(piimask_findings_get(NULL, 0, &f), PIIMASK_STATUS_NULL_ARGUMENT);
    CHECK_STATUS(piimask_findings_items(NULL, &items, &count), PIIMASK_STATUS_NULL_ARGUMENT);
    CHECK(piimask_batch_len(NULL) == 0);
    CHECK_STATUS(piimask_batch_findings(NULL, 0, &items, &count), PIIMASK_STATUS_NULL_ARGUMENT);
    CHECK_STATUS(piimask_batch_flat(NULL, &items, &count, &offsets), PIIMASK_STATUS_NULL_ARGUMENT);
    CHECK(piimask_bytes_data(NULL) == NULL && piimask_bytes_len(NULL) == 0);
    CHECK(piimask_bytes_list_len(NULL) == 0);
    CHECK_STATUS(piimask_bytes_list_get(NULL, 0, &data, &count), PIIMASK_STATUS_NULL_ARGUMENT);
    CHECK_STATUS(piimask_bytes_list_flat(NULL, &data, &count, &offsets),
                 PIIMASK_STATUS_NULL_ARGUMENT);
    CHECK(piimask_scanner_kind_name(NULL, 1) == NULL);

    CHECK_OK(piimask_scan(s, text, len, NULL, &found));
    CHECK_STATUS(piimask_findings_get(found, 0, NULL), PIIMASK_STATUS_NULL_ARGUMENT);
    CHECK_STATUS(piimask_findings_items(found, NULL, &count), PIIMASK_STATUS_NULL_ARGUMENT);
    CHECK_STATUS(piimask_findings_items(found, &items, NULL), PIIMASK_STATUS_NULL_ARGUMENT);
    piimask_findings_free(found);

    /* Freeing NULL does nothing. */
    piimask_scanner_free(NULL);
    piimask_findings_free(NULL);
    piimask_batch_free(NULL);
    piimask_bytes_free(NULL);
    piimask_bytes_list_free(NULL);

    /* Regions per call. */
    found = (piimask_findings *)&found;
    CHECK_STATUS(piimask_scan(s, text, len, "XX", &found), PIIMASK_STATUS_UNKNOWN_REGION);
    CHECK_STATUS(piimask_scan(s, text, len, "\xff\xfe", &found), PIIMASK_STATUS_INVALID_ARGUMENT);
    CHECK_STATUS(piimask_redact(s, text, len, "INDIA", NULL, &out), PIIMASK_STATUS_UNKNOWN_REGION);
    CHECK(found == (piimask_findings *)&found && out == (piimask_bytes *)&out);
    piimask_last_error(message, sizeof message);
    CHECK(strstr(message, "unknown region") != NULL);
    CHECK_OK(piimask_scan(s, text, len, "in", &found)); /* any letter case */
    CHECK(piimask_findings_len(found) == 1);
    piimask_findings_free(found);

    piimask_scanner_free(s);
    puts("errors: ok");
    return 0;
}
