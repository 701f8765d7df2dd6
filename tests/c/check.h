/* Tiny assertion helpers shared by the C tests (not part of the API). */
#ifndef PIIMASK_TEST_CHECK_H
#define PIIMASK_TEST_CHECK_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "piimask.h"

#define CHECK(cond)                                                                  \
    do {                                                                             \
        if (!(cond)) {                                                               \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
            exit(1);                                                                 \
        }                                                                            \
    } while (0)

/* Checks that a call returns `expected`, printing the last error if not. */
#define CHECK_STATUS(call, expected)                                                 \
    do {                                                                             \
        piimask_status got_ = (call);                                                \
        if (got_ != (expected)) {                                                    \
            char why_[256];                                                          \
            piimask_last_error(why_, sizeof why_);                                   \
            fprintf(stderr, "%s:%d: %s returned %u (%s; %s), expected %u\n", __FILE__, \
                    __LINE__, #call, (unsigned)got_, piimask_status_message(got_), why_, \
                    (unsigned)(expected));                                           \
            exit(1);                                                                 \
        }                                                                            \
    } while (0)

#define CHECK_OK(call) CHECK_STATUS(call, PIIMASK_STATUS_OK)

/* A scanner from a JSON configuration (NULL for the defaults). */
static inline piimask_scanner *scanner_from(const char *json) {
    piimask_scanner *s = NULL;
    CHECK_OK(piimask_scanner_new(json, json ? strlen(json) : 0, &s));
    CHECK(s != NULL);
    return s;
}

/* The byte offset of `needle` in `haystack` (which must contain it). */
static inline size_t offset_of(const char *haystack, const char *needle) {
    const char *at = strstr(haystack, needle);
    CHECK(at != NULL);
    return (size_t)(at - haystack);
}

/* Whether `len` bytes at `data` are exactly the C string `expected`. */
static inline int bytes_eq(const uint8_t *data, size_t len, const char *expected) {
    return len == strlen(expected) && (len == 0 || memcmp(data, expected, len) == 0);
}

#endif
