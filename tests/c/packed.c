/* Packed findings: the same values as the structs, in the caller's arrays. */
#include "check.h"

static const char *MESSAGES[] = {
    "WhatsApp me at +91 98765 43210",
    "",
    "order #48213977, no personal data",
    "mail priya@example.in or call 98765 43210, नमस्ते",
};
#define N (sizeof MESSAGES / sizeof MESSAGES[0])

/* The packed finding k of `words` equals the struct `f`, and its normalized
 * value starts at byte `*at` of `bytes`. */
static void check_same(const uint32_t *words, size_t k, const uint8_t *bytes, size_t *at,
                       const piimask_finding *f) {
    const uint32_t *w = words + 3 + words[2] + 1 + k * PIIMASK_PACKED_FINDING_WORDS;
    float confidence;
    memcpy(&confidence, &w[3], sizeof confidence);
    CHECK(w[0] == f->kind && w[1] == f->start && w[2] == f->end);
    CHECK(confidence == f->confidence && w[4] == f->normalized_len);
    CHECK(memcmp(bytes + *at, f->normalized, f->normalized_len) == 0);
    *at += f->normalized_len;
}

int main(void) {
    piimask_scanner *s = scanner_from("{\"region\": \"IN\"}");
    piimask_findings *found = NULL;
    CHECK_OK(piimask_findings_new(&found));
    uint32_t words[64];
    uint8_t bytes[128];

    for (size_t m = 0; m < N; m++) {
        const char *text = MESSAGES[m];
        CHECK_OK(piimask_scan_into(s, (const uint8_t *)text, strlen(text), NULL, found, NULL, NULL));
        size_t need_words = 0, need_bytes = 0;
        CHECK_OK(piimask_findings_pack_size(found, &need_words, &need_bytes));
        size_t n = piimask_findings_len(found);
        CHECK(need_words == 3 + 2 + PIIMASK_PACKED_FINDING_WORDS * n);
        /* Too small: an error, and nothing written. */
        if (need_words > 0) {
            memset(words, 0xAB, sizeof words);
            CHECK_STATUS(piimask_findings_pack(found, words, need_words - 1, bytes, sizeof bytes),
                         PIIMASK_STATUS_OUT_OF_RANGE);
            CHECK(words[0] == 0xABABABABu);
        }
        if (need_bytes > 0)
            CHECK_STATUS(piimask_findings_pack(found, words, sizeof words / 4, bytes, need_bytes - 1),
                         PIIMASK_STATUS_OUT_OF_RANGE);
        CHECK_OK(piimask_findings_pack(found, words, need_words, bytes, need_bytes));
        CHECK(words[0] == n && words[1] == need_bytes && words[2] == 1);
        CHECK(words[3] == 0 && words[4] == n);
        size_t at = 0;
        for (size_t k = 0; k < n; k++) {
            piimask_finding f;
            CHECK_OK(piimask_findings_get(found, k, &f));
            check_same(words, k, bytes, &at, &f);
        }
        CHECK(at == need_bytes);

        /* Scanning and packing in one call gives the same arrays. */
        uint32_t again[64];
        uint8_t again_bytes[128];
        CHECK_OK(piimask_scan_packed(s, (const uint8_t *)text, strlen(text), NULL, found, again,
                                     64, again_bytes, sizeof again_bytes));
        CHECK(memcmp(again, words, need_words * sizeof words[0]) == 0);
        CHECK(memcmp(again_bytes, bytes, need_bytes) == 0);
        if (n > 0) {
            /* Arrays too small: the findings are kept, to pack afterwards. */
            CHECK_STATUS(piimask_scan_packed(s, (const uint8_t *)text, strlen(text), NULL, found,
                                             again, 5, again_bytes, sizeof again_bytes),
                         PIIMASK_STATUS_OUT_OF_RANGE);
            CHECK(piimask_findings_len(found) == n);
            CHECK_OK(piimask_findings_pack(found, again, 64, again_bytes, sizeof again_bytes));
            CHECK(memcmp(again, words, need_words * sizeof words[0]) == 0);
        }
    }
    /* A failed scan leaves the findings empty. */
    CHECK_STATUS(piimask_scan_packed(s, (const uint8_t *)"x", 1, "ZZ", found, words, 64, bytes, 128),
                 PIIMASK_STATUS_UNKNOWN_REGION);
    CHECK(piimask_findings_len(found) == 0);

    /* A batch packs every message's findings, with the message bounds. */
    piimask_text texts[N];
    for (size_t i = 0; i < N; i++) {
        texts[i].ptr = (const uint8_t *)MESSAGES[i];
        texts[i].len = strlen(MESSAGES[i]);
    }
    piimask_batch *batch = NULL;
    CHECK_OK(piimask_scan_batch(s, texts, N, NULL, &batch));
    const piimask_finding *all = NULL;
    const size_t *offsets = NULL;
    size_t total = 0;
    CHECK_OK(piimask_batch_flat(batch, &all, &total, &offsets));
    size_t need_words = 0, need_bytes = 0;
    CHECK_OK(piimask_batch_pack_size(batch, &need_words, NULL));
    CHECK_OK(piimask_batch_pack_size(batch, NULL, &need_bytes));
    CHECK(need_words == 3 + N + 1 + PIIMASK_PACKED_FINDING_WORDS * total);
    CHECK_OK(piimask_batch_pack(batch, words, sizeof words / 4, bytes, sizeof bytes));
    CHECK(words[0] == total && words[1] == need_bytes && words[2] == N);
    for (size_t m = 0; m <= N; m++)
        CHECK(words[3 + m] == offsets[m]);
    size_t at = 0;
    for (size_t k = 0; k < total; k++)
        check_same(words, k, bytes, &at, &all[k]);
    CHECK(at == need_bytes);
    piimask_batch_free(batch);

    /* NULL arguments. */
    CHECK_STATUS(piimask_findings_pack(NULL, words, 8, bytes, 8), PIIMASK_STATUS_NULL_ARGUMENT);
    CHECK_STATUS(piimask_findings_pack(found, NULL, 8, bytes, 8), PIIMASK_STATUS_NULL_ARGUMENT);
    CHECK_STATUS(piimask_batch_pack(NULL, words, 8, NULL, 0), PIIMASK_STATUS_NULL_ARGUMENT);
    CHECK_STATUS(piimask_findings_pack_size(NULL, &need_words, &need_bytes), PIIMASK_STATUS_NULL_ARGUMENT);
    /* Empty findings pack into a header alone; the byte array may be NULL. */
    CHECK_OK(piimask_scan_into(s, (const uint8_t *)"hello", 5, NULL, found, NULL, NULL));
    CHECK_OK(piimask_findings_pack(found, words, 5, NULL, 0));
    CHECK(words[0] == 0 && words[1] == 0 && words[2] == 1 && words[3] == 0 && words[4] == 0);

    /* Masked text copied into the caller's array: the same bytes as
     * piimask_redact_into hands out. */
    piimask_bytes *masked = NULL;
    CHECK_OK(piimask_bytes_new(&masked));
    for (size_t m = 0; m < N; m++) {
        const char *text = MESSAGES[m];
        const uint8_t *data = NULL;
        size_t data_len = 0;
        CHECK_OK(piimask_redact_into(s, (const uint8_t *)text, strlen(text), NULL, NULL, masked, &data,
                                     &data_len));
        char expected[256];
        memcpy(expected, data, data_len);
        char dst[256];
        size_t dst_len = 12345;
        CHECK_OK(piimask_redact_to(s, (const uint8_t *)text, strlen(text), NULL, NULL, masked,
                                   (uint8_t *)dst, sizeof dst, &dst_len));
        CHECK(dst_len == data_len && memcmp(dst, expected, dst_len) == 0);
        if (data_len > 0) {
            /* Too small: the masked text stays in `masked`, dst untouched. */
            memset(dst, 'z', sizeof dst);
            dst_len = 12345;
            CHECK_STATUS(piimask_redact_to(s, (const uint8_t *)text, strlen(text), NULL, NULL, masked,
                                           (uint8_t *)dst, data_len - 1, &dst_len),
                         PIIMASK_STATUS_OUT_OF_RANGE);
            CHECK(dst_len == 12345 && dst[0] == 'z');
            CHECK(piimask_bytes_len(masked) == data_len);
            CHECK(memcmp(piimask_bytes_data(masked), expected, data_len) == 0);
        }
    }
    /* Failures leave the bytes empty: never unmasked text. */
    size_t dst_len = 0;
    char dst[64];
    CHECK_STATUS(piimask_redact_to(s, (const uint8_t *)"call 98765 43210", 16, NULL, "nobody", masked,
                                   (uint8_t *)dst, sizeof dst, &dst_len),
                 PIIMASK_STATUS_UNKNOWN_ROLE);
    CHECK(piimask_bytes_len(masked) == 0);
    CHECK_OK(piimask_redact_to(s, (const uint8_t *)"call 98765 43210", 16, NULL, NULL, masked,
                               (uint8_t *)dst, sizeof dst, &dst_len));
    CHECK_STATUS(piimask_redact_to(s, (const uint8_t *)"call 98765 43210", 16, NULL, NULL, masked,
                                   (uint8_t *)dst, sizeof dst, NULL),
                 PIIMASK_STATUS_NULL_ARGUMENT);
    CHECK(piimask_bytes_len(masked) == 0);
    CHECK_STATUS(piimask_redact_to(s, (const uint8_t *)"x", 1, NULL, NULL, masked, NULL, 8, &dst_len),
                 PIIMASK_STATUS_NULL_ARGUMENT);
    CHECK_OK(piimask_redact_to(s, NULL, 0, NULL, NULL, masked, NULL, 0, &dst_len));
    CHECK(dst_len == 0);
    piimask_bytes_free(masked);

    piimask_findings_free(found);
    piimask_scanner_free(s);
    puts("packed: ok");
    return 0;
}
