/* Redaction: masks, the trailing NUL, roles and keys, fail-closed output. */
#include "check.h"

static const char *TEXT =
    "Hi! WhatsApp me at +91 98765 43210 or mail priya@example.in, order #48213977";
static const char *MASKED =
    "Hi! WhatsApp me at +91 ••••• ••210 or mail p•••@example.in, order #48213977";

int main(void) {
    piimask_scanner *s = scanner_from("{\"region\": \"IN\"}");
    piimask_bytes *out = NULL;
    CHECK_OK(piimask_redact(s, (const uint8_t *)TEXT, strlen(TEXT), NULL, NULL, &out));
    const uint8_t *data = piimask_bytes_data(out);
    size_t len = piimask_bytes_len(out);
    CHECK(bytes_eq(data, len, MASKED));
    CHECK(data[len] == 0); /* usable as a C string */
    CHECK(strcmp((const char *)data, MASKED) == 0);
    piimask_bytes_free(out);

    /* Roles: a built-in one, an unknown one (an error, and no text comes
       back), and keyed operators without a key. */
    CHECK_OK(piimask_redact(s, (const uint8_t *)TEXT, strlen(TEXT), NULL, "supervisor", &out));
    CHECK(strcmp((const char *)piimask_bytes_data(out), MASKED) == 0);
    piimask_bytes_free(out);
    piimask_bytes *untouched = (piimask_bytes *)&untouched;
    out = untouched;
    CHECK_STATUS(
        piimask_redact(s, (const uint8_t *)TEXT, strlen(TEXT), NULL, "no_such_role", &out),
        PIIMASK_STATUS_UNKNOWN_ROLE);
    CHECK(out == untouched);
    char why[200];
    CHECK(piimask_last_error(why, sizeof why) > 0);
    CHECK(strstr(why, "no_such_role") != NULL);
    CHECK_STATUS(piimask_redact(s, (const uint8_t *)TEXT, strlen(TEXT), NULL, "agent", &out),
                 PIIMASK_STATUS_MISSING_KEY);
    CHECK(out == untouched);
    CHECK_STATUS(piimask_redact(s, (const uint8_t *)TEXT, strlen(TEXT), NULL, "\xff", &out),
                 PIIMASK_STATUS_INVALID_ARGUMENT);
    CHECK(out == untouched);

    /* With a key, the agent sees tokens: no digit of the number is left. */
    static const uint8_t key[32] = "0123456789abcdef0123456789abcdef";
    piimask_scanner *keyed = NULL;
    const char *config = "{\"region\": \"IN\"}";
    CHECK_OK(piimask_scanner_new_with_key(config, strlen(config), key, sizeof key, &keyed));
    CHECK_OK(piimask_redact(keyed, (const uint8_t *)TEXT, strlen(TEXT), NULL, "agent", &out));
    CHECK(strstr((const char *)piimask_bytes_data(out), "98765") == NULL);
    CHECK(strstr((const char *)piimask_bytes_data(out), "210") == NULL);
    piimask_bytes *again = NULL;
    CHECK_OK(piimask_redact(keyed, (const uint8_t *)TEXT, strlen(TEXT), NULL, "agent", &again));
    CHECK(piimask_bytes_len(out) == piimask_bytes_len(again)); /* deterministic tokens */
    CHECK(memcmp(piimask_bytes_data(out), piimask_bytes_data(again), piimask_bytes_len(out)) == 0);
    piimask_bytes_free(again);
    piimask_bytes_free(out);
    piimask_scanner_free(keyed);
    keyed = (piimask_scanner *)&keyed;
    CHECK_STATUS(piimask_scanner_new_with_key(config, strlen(config), key, 8, &keyed),
                 PIIMASK_STATUS_INVALID_CONFIG);
    CHECK_STATUS(piimask_scanner_new_with_key(config, strlen(config), NULL, 0, &keyed),
                 PIIMASK_STATUS_NULL_ARGUMENT);
    CHECK(keyed == (piimask_scanner *)&keyed);

    /* No region hint for this call: the national number stays. */
    const char *national = "call 98765 43210";
    CHECK_OK(piimask_redact(s, (const uint8_t *)national, strlen(national), "", NULL, &out));
    CHECK(bytes_eq(piimask_bytes_data(out), piimask_bytes_len(out), national));
    piimask_bytes_free(out);
    CHECK_OK(piimask_redact(s, (const uint8_t *)national, strlen(national), "IN", NULL, &out));
    CHECK(bytes_eq(piimask_bytes_data(out), piimask_bytes_len(out), "call ••••• ••210"));
    piimask_bytes_free(out);

    /* Text is bytes: NUL bytes inside it are kept. */
    static const char with_nul[] = "a\0b +91 98765 43210";
    size_t with_nul_len = sizeof with_nul - 1;
    CHECK_OK(piimask_redact(s, (const uint8_t *)with_nul, with_nul_len, NULL, NULL, &out));
    static const char masked_nul[] = "a\0b +91 ••••• ••210";
    CHECK(piimask_bytes_len(out) == sizeof masked_nul - 1);
    CHECK(memcmp(piimask_bytes_data(out), masked_nul, sizeof masked_nul - 1) == 0);
    piimask_bytes_free(out);

    /* The empty text. */
    CHECK_OK(piimask_redact(s, NULL, 0, NULL, NULL, &out));
    CHECK(piimask_bytes_len(out) == 0 && piimask_bytes_data(out)[0] == 0);
    piimask_bytes_free(out);

    /* Redacting masked text finds nothing new. */
    CHECK_OK(piimask_redact(s, (const uint8_t *)MASKED, strlen(MASKED), NULL, NULL, &out));
    CHECK(bytes_eq(piimask_bytes_data(out), piimask_bytes_len(out), MASKED));
    piimask_bytes_free(out);

    /* Bytes reused across redactions: one call redacts and reads; a failure
       leaves them empty, never holding unmasked text. */
    piimask_bytes *reused = NULL;
    CHECK_OK(piimask_bytes_new(&reused));
    CHECK(piimask_bytes_len(reused) == 0 && piimask_bytes_data(reused)[0] == 0);
    data = NULL;
    len = 0;
    for (int round = 0; round < 3; round++) {
        CHECK_OK(piimask_redact_into(s, (const uint8_t *)TEXT, strlen(TEXT), NULL, NULL, reused,
                                     &data, &len));
        CHECK(bytes_eq(data, len, MASKED) && data[len] == 0);
        CHECK_OK(piimask_redact_into(s, (const uint8_t *)national, strlen(national), "", NULL,
                                     reused, &data, &len));
        CHECK(bytes_eq(data, len, national));
    }
    CHECK_OK(piimask_redact_into(s, (const uint8_t *)TEXT, strlen(TEXT), NULL, NULL, reused, NULL,
                                 NULL));
    CHECK(bytes_eq(piimask_bytes_data(reused), piimask_bytes_len(reused), MASKED));
    len = 99;
    CHECK_STATUS(piimask_redact_into(s, (const uint8_t *)TEXT, strlen(TEXT), NULL, "no_such_role",
                                     reused, &data, &len),
                 PIIMASK_STATUS_UNKNOWN_ROLE);
    CHECK(len == 99 && piimask_bytes_len(reused) == 0 && piimask_bytes_data(reused)[0] == 0);
    CHECK_STATUS(piimask_redact_into(s, (const uint8_t *)TEXT, strlen(TEXT), "XX", NULL, reused,
                                     &data, &len),
                 PIIMASK_STATUS_UNKNOWN_REGION);
    CHECK(piimask_bytes_len(reused) == 0);
    CHECK_STATUS(piimask_redact_into(s, NULL, 3, NULL, NULL, reused, &data, &len),
                 PIIMASK_STATUS_NULL_ARGUMENT);
    CHECK_STATUS(piimask_redact_into(s, NULL, 0, NULL, NULL, NULL, &data, &len),
                 PIIMASK_STATUS_NULL_ARGUMENT);
    CHECK_STATUS(piimask_bytes_new(NULL), PIIMASK_STATUS_NULL_ARGUMENT);
    piimask_bytes_free(reused);

    piimask_scanner_free(s);
    puts("redact: ok");
    return 0;
}
