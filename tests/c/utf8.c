/* Any bytes in: invalid UTF-8, emoji, NUL bytes, random input. Findings
   always lie inside the text, on valid UTF-8, and redaction succeeds. */
#include "check.h"

static uint64_t rng_state = 0x9E3779B97F4A7C15u;
static uint32_t next_random(void) {
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return (uint32_t)(rng_state >> 16);
}

int main(void) {
    piimask_scanner *s = scanner_from("{\"region\": \"IN\"}");

    /* Invalid UTF-8 around a phone number. */
    static const char bad[] = "\xff\xfe +91 98765 43210 \xc3 mail a@b.co \xed\xa0\x80";
    size_t bad_len = sizeof bad - 1;
    piimask_findings *found = NULL;
    CHECK_OK(piimask_scan(s, (const uint8_t *)bad, bad_len, NULL, &found));
    CHECK(piimask_findings_len(found) == 2);
    piimask_finding f;
    CHECK_OK(piimask_findings_get(found, 0, &f));
    CHECK(f.start == 3 && f.end == 3 + 15);
    piimask_findings_free(found);
    piimask_bytes *out = NULL;
    CHECK_OK(piimask_redact(s, (const uint8_t *)bad, bad_len, NULL, NULL, &out));
    static const char bad_masked[] = "\xff\xfe +91 ••••• ••210 \xc3 mail a•••@b.co \xed\xa0\x80";
    CHECK(piimask_bytes_len(out) == sizeof bad_masked - 1);
    CHECK(memcmp(piimask_bytes_data(out), bad_masked, sizeof bad_masked - 1) == 0);
    piimask_bytes_free(out);

    /* Emoji (4-byte UTF-8) before and after: offsets are bytes. */
    const char *emoji = "\xf0\x9f\x93\x9e +91 98765 43210 \xf0\x9f\x99\x82";
    CHECK_OK(piimask_scan(s, (const uint8_t *)emoji, strlen(emoji), NULL, &found));
    CHECK(piimask_findings_len(found) == 1);
    CHECK_OK(piimask_findings_get(found, 0, &f));
    CHECK(f.start == 5 && f.end == 20);
    piimask_findings_free(found);

    /* Random bytes biased towards digits, separators, '+', '@' and UTF-8
       lead bytes: every call succeeds and findings are well-formed. */
    static const char alphabet[] = "0123456789  +-()@.a\xe0\xa5\xa6\xf0\x9f\xc3\xff\x00";
    uint8_t buf[400];
    for (int round = 0; round < 3000; round++) {
        size_t len = next_random() % sizeof buf;
        for (size_t i = 0; i < len; i++) {
            uint32_t r = next_random();
            buf[i] = (r & 1) ? (uint8_t)alphabet[(r >> 1) % (sizeof alphabet - 1)] : (uint8_t)(r >> 8);
        }
        CHECK_OK(piimask_scan(s, buf, len, NULL, &found));
        size_t prev_end = 0;
        for (size_t i = 0; i < piimask_findings_len(found); i++) {
            CHECK_OK(piimask_findings_get(found, i, &f));
            CHECK(f.start >= prev_end && f.start < f.end && f.end <= len);
            CHECK(f.normalized != NULL);
            prev_end = f.end;
        }
        piimask_findings_free(found);
        CHECK_OK(piimask_redact(s, buf, len, NULL, NULL, &out));
        piimask_bytes_free(out);
    }

    piimask_scanner_free(s);
    puts("utf8: ok");
    return 0;
}
