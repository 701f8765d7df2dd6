/* One scanner shared by many threads, with no locking; the last error is
   per thread. */
#include <pthread.h>

#include "check.h"

#define THREADS 8
#define ROUNDS 400

static const char *MESSAGES[] = {
    "WhatsApp me at +91 98765 43210",
    "mail priya@example.in or call 98765 43210",
    "order #48213977, nothing personal",
    "\xf0\x9f\x93\x9e +44 20 7946 0958 \xf0\x9f\x99\x82",
};
#define N (sizeof MESSAGES / sizeof MESSAGES[0])

static piimask_scanner *scanner;
static size_t expected_findings[N];
static piimask_bytes *expected_masked[N];

static void *work(void *arg) {
    size_t id = (size_t)(uintptr_t)arg;
    /* Reusable results are per thread. */
    piimask_findings *mine = NULL;
    CHECK_OK(piimask_findings_new(&mine));
    piimask_bytes *masked = NULL;
    CHECK_OK(piimask_bytes_new(&masked));
    for (int round = 0; round < ROUNDS; round++) {
        size_t m = (id + (size_t)round) % N;
        const uint8_t *text = (const uint8_t *)MESSAGES[m];
        size_t len = strlen(MESSAGES[m]);
        piimask_findings *found = NULL;
        CHECK_OK(piimask_scan(scanner, text, len, NULL, &found));
        CHECK(piimask_findings_len(found) == expected_findings[m]);
        piimask_findings_free(found);
        piimask_bytes *out = NULL;
        CHECK_OK(piimask_redact(scanner, text, len, NULL, NULL, &out));
        CHECK(piimask_bytes_len(out) == piimask_bytes_len(expected_masked[m]));
        CHECK(memcmp(piimask_bytes_data(out), piimask_bytes_data(expected_masked[m]),
                     piimask_bytes_len(out)) == 0);
        piimask_bytes_free(out);
        const piimask_finding *items = NULL;
        size_t count = 0;
        CHECK_OK(piimask_scan_into(scanner, text, len, NULL, mine, &items, &count));
        CHECK(count == expected_findings[m]);
        const uint8_t *data = NULL;
        size_t data_len = 0;
        CHECK_OK(piimask_redact_into(scanner, text, len, NULL, NULL, masked, &data, &data_len));
        CHECK(data_len == piimask_bytes_len(expected_masked[m]));
        CHECK(memcmp(data, piimask_bytes_data(expected_masked[m]), data_len) == 0);
        if (round % 50 == 0) {
            /* Errors on this thread are this thread's. */
            CHECK_STATUS(piimask_scan(scanner, text, len, "XX", &found),
                         PIIMASK_STATUS_UNKNOWN_REGION);
            char message[128];
            piimask_last_error(message, sizeof message);
            CHECK(strstr(message, "unknown region") != NULL);
        }
    }
    piimask_findings_free(mine);
    piimask_bytes_free(masked);
    return NULL;
}

int main(void) {
    scanner = scanner_from("{\"region\": \"IN\"}");
    for (size_t m = 0; m < N; m++) {
        piimask_findings *found = NULL;
        CHECK_OK(piimask_scan(scanner, (const uint8_t *)MESSAGES[m], strlen(MESSAGES[m]), NULL,
                              &found));
        expected_findings[m] = piimask_findings_len(found);
        piimask_findings_free(found);
        CHECK_OK(piimask_redact(scanner, (const uint8_t *)MESSAGES[m], strlen(MESSAGES[m]), NULL,
                                NULL, &expected_masked[m]));
    }
    CHECK(expected_findings[0] == 1 && expected_findings[1] == 2 && expected_findings[2] == 0);

    /* A failure on the main thread, before the workers start. */
    piimask_scanner *none = NULL;
    CHECK_STATUS(piimask_scanner_new("{", 1, &none), PIIMASK_STATUS_INVALID_CONFIG);

    pthread_t threads[THREADS];
    for (size_t t = 0; t < THREADS; t++) {
        CHECK(pthread_create(&threads[t], NULL, work, (void *)(uintptr_t)t) == 0);
    }
    for (size_t t = 0; t < THREADS; t++) {
        CHECK(pthread_join(threads[t], NULL) == 0);
    }

    char message[128];
    piimask_last_error(message, sizeof message);
    CHECK(strstr(message, "malformed JSON") != NULL);

    for (size_t m = 0; m < N; m++) {
        piimask_bytes_free(expected_masked[m]);
    }
    piimask_scanner_free(scanner);
    puts("threads: ok");
    return 0;
}
