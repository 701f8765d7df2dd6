/* Streaming: chunks split anywhere give exactly the whole-text redaction,
   findings carry offsets into the whole stream, failures close the stream. */
#include "check.h"

static const char *TEXT =
    "Hi! WhatsApp me at +91 98765 43210\n"
    "or mail priya@example.in, order #48213977\n"
    "आधार: 2345 6789 0124 and card 4111 1111 1111 1111";

int main(void) {
    piimask_scanner *s = scanner_from("{\"region\": \"IN\"}");
    piimask_bytes *whole = NULL;
    CHECK_OK(piimask_redact(s, (const uint8_t *)TEXT, strlen(TEXT), NULL, NULL, &whole));
    piimask_findings *all = NULL;
    CHECK_OK(piimask_scan(s, (const uint8_t *)TEXT, strlen(TEXT), NULL, &all));

    /* Every chunk size from 1 byte to the whole text. */
    size_t n = strlen(TEXT);
    for (size_t size = 1; size <= n; size += (size < 8 ? 1 : 7)) {
        piimask_stream *st = NULL;
        CHECK_OK(piimask_stream_new(s, NULL, NULL, &st));
        piimask_bytes *piece = NULL;
        CHECK_OK(piimask_bytes_new(&piece));
        piimask_findings *found = NULL;
        CHECK_OK(piimask_findings_new(&found));
        char *got = malloc(n * 4 + 1);
        size_t got_len = 0, nfound = 0;
        for (size_t at = 0; at <= n; at += size) {
            if (at < n) {
                size_t len = at + size <= n ? size : n - at;
                CHECK_OK(piimask_stream_write(st, (const uint8_t *)TEXT + at, len, piece, found));
            } else {
                CHECK_OK(piimask_stream_finish(st, piece, found));
            }
            memcpy(got + got_len, piimask_bytes_data(piece), piimask_bytes_len(piece));
            got_len += piimask_bytes_len(piece);
            for (size_t i = 0; i < piimask_findings_len(found); i++) {
                piimask_finding f, w;
                CHECK_OK(piimask_findings_get(found, i, &f));
                CHECK_OK(piimask_findings_get(all, nfound + i, &w));
                CHECK(f.kind == w.kind && f.start == w.start && f.end == w.end);
            }
            nfound += piimask_findings_len(found);
            if (at < n && at + size > n) {
                at = n - size; /* the next round finishes */
            }
        }
        CHECK(nfound == piimask_findings_len(all));
        CHECK(got_len == piimask_bytes_len(whole));
        CHECK(memcmp(got, piimask_bytes_data(whole), got_len) == 0);
        /* Finished: later writes fail and return no text. */
        CHECK_STATUS(piimask_stream_write(st, (const uint8_t *)"x", 1, piece, found),
                     PIIMASK_STATUS_REDACTION_FAILED);
        CHECK(piimask_bytes_len(piece) == 0);
        free(got);
        piimask_findings_free(found);
        piimask_bytes_free(piece);
        piimask_stream_free(st);
    }

    /* Random chunkings (a fixed LCG, so failures replay), and the held-back
       count: the outputs so far cover the first `written - held` bytes, and
       every finding lies in the stretch the last call covered. */
    unsigned seed = 14;
    for (int round = 0; round < 200; round++) {
        piimask_stream *st = NULL;
        CHECK_OK(piimask_stream_new(s, NULL, NULL, &st));
        piimask_bytes *piece = NULL;
        CHECK_OK(piimask_bytes_new(&piece));
        piimask_findings *found = NULL;
        CHECK_OK(piimask_findings_new(&found));
        char *got = malloc(n * 4 + 1);
        size_t got_len = 0, nfound = 0, written = 0, covered = 0;
        while (1) {
            int last = written == n;
            if (last) {
                CHECK_OK(piimask_stream_finish(st, piece, found));
            } else {
                seed = seed * 1664525u + 1013904223u;
                size_t len = 1 + (seed >> 8) % (round % 4 == 0 ? 3 : 40);
                if (len > n - written) len = n - written;
                CHECK_OK(piimask_stream_write(st, (const uint8_t *)TEXT + written, len, piece,
                                              found));
                written += len;
            }
            size_t held = piimask_stream_held(st);
            CHECK(held <= written);
            size_t now = written - held;
            CHECK(now >= covered);
            for (size_t i = 0; i < piimask_findings_len(found); i++) {
                piimask_finding f, w;
                CHECK_OK(piimask_findings_get(found, i, &f));
                CHECK_OK(piimask_findings_get(all, nfound + i, &w));
                CHECK(f.kind == w.kind && f.start == w.start && f.end == w.end);
                CHECK(f.start >= covered && f.end <= now);
            }
            covered = now;
            nfound += piimask_findings_len(found);
            memcpy(got + got_len, piimask_bytes_data(piece), piimask_bytes_len(piece));
            got_len += piimask_bytes_len(piece);
            if (last) break;
        }
        CHECK(covered == n && piimask_stream_held(st) == 0);
        CHECK(nfound == piimask_findings_len(all));
        CHECK(got_len == piimask_bytes_len(whole));
        CHECK(memcmp(got, piimask_bytes_data(whole), got_len) == 0);
        free(got);
        piimask_findings_free(found);
        piimask_bytes_free(piece);
        piimask_stream_free(st);
    }
    CHECK(piimask_stream_held(NULL) == 0);

    /* Errors: unknown role, NULL arguments; freeing NULL is a no-op. */
    piimask_stream *untouched = (piimask_stream *)&untouched, *st = untouched;
    CHECK_STATUS(piimask_stream_new(s, NULL, "no_such_role", &st), PIIMASK_STATUS_UNKNOWN_ROLE);
    CHECK(st == untouched);
    CHECK_STATUS(piimask_stream_new(NULL, NULL, NULL, &st), PIIMASK_STATUS_NULL_ARGUMENT);
    CHECK(st == untouched);
    CHECK_OK(piimask_stream_new(s, "BR", "supervisor", &st));
    CHECK_STATUS(piimask_stream_write(st, NULL, 3, NULL, NULL), PIIMASK_STATUS_NULL_ARGUMENT);
    piimask_stream_free(st);
    piimask_stream_free(NULL);

    piimask_findings_free(all);
    piimask_bytes_free(whole);
    piimask_scanner_free(s);
    puts("stream: ok");
    return 0;
}
