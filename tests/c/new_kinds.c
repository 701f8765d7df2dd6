/* The payment and device kinds: codes from the header, names, spans. */
#include "check.h"

static const char *TEXT =
    "pay ravi.kumar@okaxis or A/c no. 50100234567890, IMEI 352099001761481, "
    "BTC bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4, passport no. AB1234567";

int main(void) {
    piimask_scanner *s = scanner_from("{\"region\": \"IN\"}");
    piimask_findings *found = NULL;
    CHECK_OK(piimask_scan(s, (const uint8_t *)TEXT, strlen(TEXT), NULL, &found));
    CHECK(piimask_findings_len(found) == 5);
    const uint32_t kinds[5] = {PIIMASK_KIND_UPI_ID, PIIMASK_KIND_BANK_ACCOUNT, PIIMASK_KIND_IMEI,
                               PIIMASK_KIND_CRYPTO_ADDRESS, PIIMASK_KIND_PASSPORT};
    const char *names[5] = {"upi_id", "bank_account", "imei", "crypto_address", "passport"};
    const char *values[5] = {"ravi.kumar@okaxis", "50100234567890", "352099001761481",
                             "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4", "AB1234567"};
    for (size_t i = 0; i < 5; i++) {
        piimask_finding f;
        CHECK_OK(piimask_findings_get(found, i, &f));
        CHECK(f.kind == kinds[i]);
        CHECK(strcmp(piimask_kind_name(f.kind), names[i]) == 0);
        CHECK(f.start == offset_of(TEXT, values[i]));
        CHECK(f.end == f.start + strlen(values[i]));
        CHECK(bytes_eq(f.normalized, f.normalized_len, values[i]));
    }
    piimask_findings_free(found);

    /* An unnamed IMEI is weak evidence: only below the default threshold. */
    const char *bare = "S/N 352099001761481";
    CHECK_OK(piimask_scan(s, (const uint8_t *)bare, strlen(bare), NULL, &found));
    CHECK(piimask_findings_len(found) == 0);
    piimask_findings_free(found);
    piimask_scanner_free(s);
    s = scanner_from("{\"region\": \"IN\", \"min_confidence\": 0.3}");
    CHECK_OK(piimask_scan(s, (const uint8_t *)bare, strlen(bare), NULL, &found));
    CHECK(piimask_findings_len(found) == 1);
    piimask_finding f;
    CHECK_OK(piimask_findings_get(found, 0, &f));
    CHECK(f.kind == PIIMASK_KIND_IMEI && f.confidence < 0.5f);
    piimask_findings_free(found);
    piimask_scanner_free(s);

    puts("new_kinds: ok");
    return 0;
}
