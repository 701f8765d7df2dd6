/* Batches: many messages per call, with the same results as one by one. */
#include "check.h"

static const char *MESSAGES[] = {
    "WhatsApp me at +91 98765 43210",
    "",
    "order #48213977, no personal data",
    "mail priya@example.in or call 98765 43210",
};
#define N (sizeof MESSAGES / sizeof MESSAGES[0])

int main(void) {
    piimask_scanner *s = scanner_from("{\"region\": \"IN\"}");
    piimask_text texts[N];
    for (size_t i = 0; i < N; i++) {
        texts[i].ptr = (const uint8_t *)MESSAGES[i];
        texts[i].len = strlen(MESSAGES[i]);
    }
    texts[1].ptr = NULL; /* the empty text may be NULL */

    piimask_batch *batch = NULL;
    CHECK_OK(piimask_scan_batch(s, texts, N, NULL, &batch));
    CHECK(piimask_batch_len(batch) == N);
    const piimask_finding *all = NULL;
    const size_t *offsets = NULL;
    size_t total = 0;
    CHECK_OK(piimask_batch_flat(batch, &all, &total, &offsets));
    CHECK(total == 3 && offsets[0] == 0 && offsets[N] == total);

    for (size_t m = 0; m < N; m++) {
        const piimask_finding *items = NULL;
        size_t count = 0;
        CHECK_OK(piimask_batch_findings(batch, m, &items, &count));
        CHECK(count == offsets[m + 1] - offsets[m]);
        /* The same as scanning the message alone. */
        piimask_findings *one = NULL;
        CHECK_OK(piimask_scan(s, (const uint8_t *)MESSAGES[m], strlen(MESSAGES[m]), NULL, &one));
        CHECK(piimask_findings_len(one) == count);
        for (size_t i = 0; i < count; i++) {
            piimask_finding f;
            CHECK_OK(piimask_findings_get(one, i, &f));
            CHECK(f.kind == items[i].kind && f.start == items[i].start && f.end == items[i].end);
            CHECK(f.normalized_len == items[i].normalized_len);
            CHECK(memcmp(f.normalized, items[i].normalized, f.normalized_len) == 0);
            CHECK(&all[offsets[m] + i] == &items[i]);
        }
        piimask_findings_free(one);
    }
    const piimask_finding *items = (const piimask_finding *)&items;
    size_t count = 99;
    CHECK_STATUS(piimask_batch_findings(batch, N, &items, &count), PIIMASK_STATUS_OUT_OF_RANGE);
    CHECK(count == 99 && items == (const piimask_finding *)&items);
    piimask_batch_free(batch);

    /* Redaction in one call equals redaction one by one. */
    piimask_bytes_list *list = NULL;
    CHECK_OK(piimask_redact_batch(s, texts, N, NULL, NULL, &list));
    CHECK(piimask_bytes_list_len(list) == N);
    const uint8_t *flat = NULL;
    size_t flat_len = 0;
    CHECK_OK(piimask_bytes_list_flat(list, &flat, &flat_len, &offsets));
    CHECK(offsets[0] == 0 && offsets[N] == flat_len && flat[flat_len] == 0);
    for (size_t m = 0; m < N; m++) {
        const uint8_t *data = NULL;
        size_t len = 0;
        CHECK_OK(piimask_bytes_list_get(list, m, &data, &len));
        CHECK(data == flat + offsets[m] && len == offsets[m + 1] - offsets[m]);
        piimask_bytes *one = NULL;
        CHECK_OK(piimask_redact(s, texts[m].ptr, texts[m].len, NULL, NULL, &one));
        CHECK(piimask_bytes_len(one) == len);
        CHECK(len == 0 || memcmp(piimask_bytes_data(one), data, len) == 0);
        piimask_bytes_free(one);
    }
    CHECK(strstr((const char *)flat, "+91 ••••• ••210") != NULL);
    CHECK_STATUS(piimask_bytes_list_get(list, N, &flat, &flat_len), PIIMASK_STATUS_OUT_OF_RANGE);
    piimask_bytes_list_free(list);

    /* Empty batches, and a bad text failing the whole call. */
    CHECK_OK(piimask_scan_batch(s, NULL, 0, NULL, &batch));
    CHECK(piimask_batch_len(batch) == 0);
    CHECK_OK(piimask_batch_flat(batch, &all, &total, &offsets));
    CHECK(total == 0 && all == NULL && offsets[0] == 0);
    piimask_batch_free(batch);
    CHECK_OK(piimask_redact_batch(s, NULL, 0, NULL, NULL, &list));
    CHECK(piimask_bytes_list_len(list) == 0);
    piimask_bytes_list_free(list);

    texts[1].len = 5; /* NULL with a length */
    batch = (piimask_batch *)&batch;
    CHECK_STATUS(piimask_scan_batch(s, texts, N, NULL, &batch), PIIMASK_STATUS_NULL_ARGUMENT);
    CHECK(batch == (piimask_batch *)&batch);
    list = (piimask_bytes_list *)&list;
    CHECK_STATUS(piimask_redact_batch(s, texts, N, NULL, NULL, &list),
                 PIIMASK_STATUS_NULL_ARGUMENT);
    CHECK(list == (piimask_bytes_list *)&list);
    CHECK_STATUS(piimask_redact_batch(s, texts, 1, NULL, "no_such_role", &list),
                 PIIMASK_STATUS_UNKNOWN_ROLE);
    CHECK_STATUS(piimask_scan_batch(s, texts, 1, "XX", &batch), PIIMASK_STATUS_UNKNOWN_REGION);
    CHECK(list == (piimask_bytes_list *)&list && batch == (piimask_batch *)&batch);

    piimask_scanner_free(s);
    puts("batch: ok");
    return 0;
}
