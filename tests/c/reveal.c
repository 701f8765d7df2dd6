/* Reveal: FPE values with the key, tokens through a C vault, denied and
   unknown roles, malformed calls, and the audit events (one per attempt,
   none holding a value). */
#include "check.h"

static const char *CONFIG =
    "{\"region\": \"IN\","
    " \"custom\": [{\"kind\": \"employee_id\", \"pattern\": \"\\\\bEMP-\\\\d{6}\\\\b\"}],"
    " \"policy\": {\"roles\": {\"agent\": {\"kinds\": {\"phone\": \"fpe\", \"employee_id\": \"token\"}},"
    " \"auditor\": {\"default\": \"label\", \"reveal\": true}}}}";
static const uint8_t KEY[32] = "0123456789abcdef0123456789abcdef";
static const char *PHONE = "+91 98765 43210";
static const char *EMAIL = "priya@example.in";
static const char *EMPLOYEE = "EMP-123456";

/* The caller's vault: a fixed table of tokens and values. */
#define VAULT_MAX 4
struct vault {
    char tokens[VAULT_MAX][64];
    const char *values[VAULT_MAX];
    size_t n;
    int calls;
};

static void vault_add(struct vault *v, const piimask_bytes *token, const char *value) {
    CHECK(v->n < VAULT_MAX && piimask_bytes_len(token) < sizeof v->tokens[0]);
    memcpy(v->tokens[v->n], piimask_bytes_data(token), piimask_bytes_len(token) + 1);
    v->values[v->n++] = value;
}

static bool vault_lookup(void *ctx, const uint8_t *token, size_t token_len, piimask_bytes *value) {
    struct vault *v = ctx;
    v->calls++;
    CHECK(token != NULL && value != NULL);
    CHECK(token[token_len] == 0 && strlen((const char *)token) == token_len);
    CHECK(piimask_bytes_len(value) == 0);
    for (size_t i = 0; i < v->n; i++) {
        if (strcmp(v->tokens[i], (const char *)token) == 0) {
            /* A copy on our stack: the library copies it before we return. */
            char copy[64];
            strcpy(copy, v->values[i]);
            CHECK_OK(piimask_bytes_set(value, (const uint8_t *)copy, strlen(copy)));
            memset(copy, 0, sizeof copy);
            return true;
        }
    }
    /* What a vault writes and then disowns is discarded. */
    CHECK_OK(piimask_bytes_set(value, (const uint8_t *)"junk", 4));
    return false;
}

/* A broken vault: answers with bytes that are not UTF-8. */
static bool vault_not_utf8(void *ctx, const uint8_t *token, size_t token_len,
                           piimask_bytes *value) {
    (void)ctx, (void)token, (void)token_len;
    CHECK_OK(piimask_bytes_set(value, (const uint8_t *)"\xff\xfe", 2));
    return true;
}

/* The audit sink: checks each event and keeps the parts it needs. */
#define EVENTS_MAX 32
struct audit {
    size_t n;
    piimask_outcome outcomes[EVENTS_MAX];
    uint32_t kinds[EVENTS_MAX];
    char roles[EVENTS_MAX][32];
    char conversations[EVENTS_MAX][32]; /* "" when none */
    const char *secrets[8];             /* what no event may contain */
};

static void check_string(const char *s, size_t len, const struct audit *a) {
    CHECK(s != NULL && strlen(s) == len);
    for (size_t i = 0; i < 8 && a->secrets[i] != NULL; i++) {
        if (strstr(s, a->secrets[i]) != NULL) {
            fprintf(stderr, "audit event field \"%s\" holds \"%s\"\n", s, a->secrets[i]);
            exit(1);
        }
    }
}

static void audit_record(void *ctx, const piimask_audit_event *e) {
    struct audit *a = ctx;
    CHECK(e != NULL && a->n < EVENTS_MAX);
    check_string(e->time, e->time_len, a);
    CHECK(e->time_len == 20 && e->time[4] == '-' && e->time[10] == 'T' && e->time[19] == 'Z');
    check_string(e->actor, e->actor_len, a);
    CHECK(strcmp(e->actor, "agent-42") == 0);
    check_string(e->role, e->role_len, a);
    check_string(e->kind_name, e->kind_name_len, a);
    CHECK(strcmp(e->kind_name, e->kind == 1   ? "phone"
                               : e->kind == 2 ? "email"
                                              : "employee_id") == 0);
    if (e->conversation != NULL) {
        check_string(e->conversation, e->conversation_len, a);
    } else {
        CHECK(e->conversation_len == 0);
    }
    CHECK(e->outcome <= PIIMASK_OUTCOME_NOT_FOUND);
    a->outcomes[a->n] = e->outcome;
    a->kinds[a->n] = e->kind;
    snprintf(a->roles[a->n], sizeof a->roles[0], "%s", e->role);
    snprintf(a->conversations[a->n], sizeof a->conversations[0], "%s",
             e->conversation ? e->conversation : "");
    a->n++;
}

/* Redacts `text` as the agent and returns the result. */
static piimask_bytes *as_agent(const piimask_scanner *s, const char *text) {
    piimask_bytes *out = NULL;
    CHECK_OK(piimask_redact(s, (const uint8_t *)text, strlen(text), NULL, "agent", &out));
    return out;
}

static piimask_status reveal(const piimask_scanner *s, const piimask_bytes *value, uint32_t kind,
                             const char *role, const char *conversation, struct vault *v,
                             struct audit *a, piimask_bytes **out) {
    return piimask_reveal(s, piimask_bytes_data(value), piimask_bytes_len(value), kind, role,
                          "agent-42", conversation, NULL, v ? vault_lookup : NULL, v,
                          audit_record, a, out);
}

static void check_revealed(piimask_bytes *out, const char *expected) {
    CHECK(out != NULL);
    CHECK(bytes_eq(piimask_bytes_data(out), piimask_bytes_len(out), expected));
    CHECK(piimask_bytes_data(out)[piimask_bytes_len(out)] == 0);
    piimask_bytes_free(out);
}

int main(void) {
    piimask_scanner *s = NULL;
    CHECK_OK(piimask_scanner_new_with_key(CONFIG, strlen(CONFIG), KEY, sizeof KEY, &s));
    uint32_t employee = 0;
    CHECK_OK(piimask_scanner_kind_code(s, "employee_id", &employee));
    CHECK(employee == PIIMASK_CUSTOM_KIND_FIRST);
    uint32_t code = 77;
    CHECK_OK(piimask_scanner_kind_code(s, "email", &code));
    CHECK(code == 2);
    code = 77;
    CHECK_STATUS(piimask_scanner_kind_code(s, "shoe_size", &code), PIIMASK_STATUS_UNKNOWN_KIND);
    CHECK_STATUS(piimask_scanner_kind_code(s, NULL, &code), PIIMASK_STATUS_NULL_ARGUMENT);
    CHECK_STATUS(piimask_scanner_kind_code(s, "\xff", &code), PIIMASK_STATUS_INVALID_ARGUMENT);
    CHECK(code == 77);

    /* What the agent sees: an FPE phone number, and tokens. */
    piimask_bytes *fpe = as_agent(s, PHONE);
    const char *fpe_text = (const char *)piimask_bytes_data(fpe);
    CHECK(piimask_bytes_len(fpe) == strlen(PHONE) && strcmp(fpe_text, PHONE) != 0);
    CHECK(strncmp(fpe_text, "+91 ", 4) == 0);
    piimask_bytes *email_token = as_agent(s, EMAIL);
    CHECK(strncmp((const char *)piimask_bytes_data(email_token), "[EMAIL:", 7) == 0);
    piimask_bytes *employee_token = as_agent(s, EMPLOYEE);
    CHECK(strncmp((const char *)piimask_bytes_data(employee_token), "[EMPLOYEE_ID:", 13) == 0);

    struct vault v = {0};
    vault_add(&v, email_token, EMAIL);
    vault_add(&v, employee_token, EMPLOYEE);
    struct audit a = {0};
    a.secrets[0] = "98765";
    a.secrets[1] = "43210";
    a.secrets[2] = "priya";
    a.secrets[3] = "123456";
    a.secrets[4] = fpe_text + 4; /* the FPE digits */
    a.secrets[5] = "[";          /* no token either */

    /* 1. FPE with the key: no vault needed. */
    piimask_bytes *out = NULL;
    CHECK_OK(reveal(s, fpe, 1, "supervisor", "c-9", NULL, &a, &out));
    check_revealed(out, PHONE);
    /* 2. Tokens through the vault, for a built-in and a custom kind. */
    out = NULL;
    CHECK_OK(reveal(s, email_token, 2, "compliance", NULL, &v, &a, &out));
    check_revealed(out, EMAIL);
    out = NULL;
    CHECK_OK(reveal(s, employee_token, employee, "auditor", "c-9", &v, &a, &out));
    check_revealed(out, EMPLOYEE);
    CHECK(v.calls == 2);

    /* Failures leave `out` untouched and are audited. */
    piimask_bytes *const untouched = (piimask_bytes *)&out;
    out = untouched;
    char why[256];
    /* 3. A role that may not reveal: the vault is not even asked. */
    CHECK_STATUS(reveal(s, email_token, 2, "agent", "c-9", &v, &a, &out),
                 PIIMASK_STATUS_REVEAL_DENIED);
    CHECK(v.calls == 2);
    /* 4. A role no policy defines. */
    CHECK_STATUS(reveal(s, fpe, 1, "intern", "c-9", &v, &a, &out), PIIMASK_STATUS_UNKNOWN_ROLE);
    /* 5. A token the vault does not know. */
    piimask_bytes *stranger = as_agent(s, "other@example.com");
    CHECK_STATUS(reveal(s, stranger, 2, "supervisor", "c-9", &v, &a, &out),
                 PIIMASK_STATUS_NOT_FOUND);
    CHECK(v.calls == 3);
    CHECK(piimask_last_error(why, sizeof why) > 0 && strstr(why, "vault") != NULL);
    /* 6. A token and no vault. */
    CHECK_STATUS(reveal(s, email_token, 2, "supervisor", "c-9", NULL, &a, &out),
                 PIIMASK_STATUS_NOT_FOUND);
    /* 7. A token given as the wrong kind is read as an FPE value: none. */
    CHECK_STATUS(reveal(s, email_token, 1, "supervisor", "c-9", &v, &a, &out),
                 PIIMASK_STATUS_NOT_FOUND);
    /* 8. A vault answering with bytes that are not UTF-8. */
    CHECK_STATUS(piimask_reveal(s, piimask_bytes_data(email_token), piimask_bytes_len(email_token),
                                2, "supervisor", "agent-42", NULL, NULL, vault_not_utf8, NULL,
                                audit_record, &a, &out),
                 PIIMASK_STATUS_NOT_FOUND);
    CHECK(piimask_last_error(why, sizeof why) > 0 && strstr(why, "not UTF-8") != NULL);
    CHECK(out == untouched);

    size_t attempts = a.n;
    CHECK(attempts == 9); /* one event per attempt */
    const piimask_outcome outcomes[9] = {
        PIIMASK_OUTCOME_REVEALED,  PIIMASK_OUTCOME_REVEALED,  PIIMASK_OUTCOME_REVEALED,
        PIIMASK_OUTCOME_DENIED,    PIIMASK_OUTCOME_DENIED,    PIIMASK_OUTCOME_NOT_FOUND,
        PIIMASK_OUTCOME_NOT_FOUND, PIIMASK_OUTCOME_NOT_FOUND, PIIMASK_OUTCOME_NOT_FOUND,
    };
    const char *roles[9] = {"supervisor", "compliance", "auditor",    "agent",     "intern",
                            "supervisor", "supervisor", "supervisor", "supervisor"};
    const uint32_t kinds[9] = {1, 2, employee, 2, 1, 2, 2, 1, 2};
    for (size_t i = 0; i < 9; i++) {
        CHECK(a.outcomes[i] == outcomes[i]);
        CHECK(strcmp(a.roles[i], roles[i]) == 0);
        CHECK(a.kinds[i] == kinds[i]);
    }
    CHECK(strcmp(a.conversations[0], "c-9") == 0 && a.conversations[1][0] == 0);

    /* Malformed calls attempt nothing: no audit event, no vault call. */
    const uint8_t *tok = piimask_bytes_data(email_token);
    size_t tok_len = piimask_bytes_len(email_token);
    /* No audit sink: an unaudited reveal is not possible. */
    CHECK_STATUS(piimask_reveal(s, tok, tok_len, 2, "supervisor", "agent-42", NULL, NULL,
                                vault_lookup, &v, NULL, &a, &out),
                 PIIMASK_STATUS_NULL_ARGUMENT);
    CHECK(piimask_last_error(why, sizeof why) > 0 && strstr(why, "audit") != NULL);
    CHECK_STATUS(piimask_reveal(NULL, tok, tok_len, 2, "supervisor", "agent-42", NULL, NULL,
                                vault_lookup, &v, audit_record, &a, &out),
                 PIIMASK_STATUS_NULL_ARGUMENT);
    CHECK_STATUS(piimask_reveal(s, NULL, tok_len, 2, "supervisor", "agent-42", NULL, NULL,
                                vault_lookup, &v, audit_record, &a, &out),
                 PIIMASK_STATUS_NULL_ARGUMENT);
    CHECK_STATUS(piimask_reveal(s, tok, tok_len, 2, NULL, "agent-42", NULL, NULL, vault_lookup, &v,
                                audit_record, &a, &out),
                 PIIMASK_STATUS_NULL_ARGUMENT);
    CHECK_STATUS(piimask_reveal(s, tok, tok_len, 2, "supervisor", NULL, NULL, NULL, vault_lookup,
                                &v, audit_record, &a, &out),
                 PIIMASK_STATUS_NULL_ARGUMENT);
    CHECK_STATUS(piimask_reveal(s, tok, tok_len, 2, "supervisor", "agent-42", NULL, NULL,
                                vault_lookup, &v, audit_record, &a, NULL),
                 PIIMASK_STATUS_NULL_ARGUMENT);
    CHECK_STATUS(piimask_reveal(s, (const uint8_t *)"\xff", 1, 2, "supervisor", "agent-42", NULL,
                                NULL, vault_lookup, &v, audit_record, &a, &out),
                 PIIMASK_STATUS_INVALID_ARGUMENT);
    CHECK_STATUS(piimask_reveal(s, tok, tok_len, 2, "supervisor", "\xff", NULL, NULL, vault_lookup,
                                &v, audit_record, &a, &out),
                 PIIMASK_STATUS_INVALID_ARGUMENT);
    CHECK_STATUS(piimask_reveal(s, tok, tok_len, 2, "supervisor", "agent-42", "\xff", NULL,
                                vault_lookup, &v, audit_record, &a, &out),
                 PIIMASK_STATUS_INVALID_ARGUMENT);
    CHECK_STATUS(piimask_reveal(s, tok, tok_len, 999, "supervisor", "agent-42", NULL, NULL,
                                vault_lookup, &v, audit_record, &a, &out),
                 PIIMASK_STATUS_UNKNOWN_KIND);
    CHECK_STATUS(piimask_reveal(s, tok, tok_len, PIIMASK_CUSTOM_KIND_FIRST + 1, "supervisor",
                                "agent-42", NULL, NULL, vault_lookup, &v, audit_record, &a, &out),
                 PIIMASK_STATUS_UNKNOWN_KIND);
    CHECK_STATUS(piimask_reveal(s, tok, tok_len, 2, "supervisor", "agent-42", NULL, "XX",
                                vault_lookup, &v, audit_record, &a, &out),
                 PIIMASK_STATUS_UNKNOWN_REGION);
    CHECK(out == untouched);
    CHECK(a.n == attempts && v.calls == 3);
    /* Error messages never hold the value. */
    CHECK_STATUS(reveal(s, fpe, 1, "nobody", "c-9", &v, &a, &out), PIIMASK_STATUS_UNKNOWN_ROLE);
    CHECK(piimask_last_error(why, sizeof why) > 0);
    CHECK(strstr(why, "98765") == NULL && strstr(why, fpe_text + 4) == NULL);

    /* A scanner without a key cannot decrypt: refused, and audited. */
    piimask_scanner *keyless = scanner_from(CONFIG);
    a.n = 0;
    CHECK_STATUS(reveal(keyless, fpe, 1, "supervisor", NULL, &v, &a, &out),
                 PIIMASK_STATUS_MISSING_KEY);
    CHECK(a.n == 1 && a.outcomes[0] == PIIMASK_OUTCOME_NOT_FOUND);
    CHECK(out == untouched);
    piimask_scanner_free(keyless);

    /* piimask_bytes_set: copies, may alias its own bytes, refuses NULL. */
    piimask_bytes *b = NULL;
    CHECK_OK(piimask_bytes_new(&b));
    CHECK_OK(piimask_bytes_set(b, (const uint8_t *)"hello", 5));
    CHECK(strcmp((const char *)piimask_bytes_data(b), "hello") == 0);
    CHECK_OK(piimask_bytes_set(b, piimask_bytes_data(b) + 1, 3));
    CHECK(strcmp((const char *)piimask_bytes_data(b), "ell") == 0);
    CHECK_STATUS(piimask_bytes_set(b, NULL, 2), PIIMASK_STATUS_NULL_ARGUMENT);
    CHECK(strcmp((const char *)piimask_bytes_data(b), "ell") == 0);
    CHECK_OK(piimask_bytes_set(b, NULL, 0));
    CHECK(piimask_bytes_len(b) == 0 && piimask_bytes_data(b)[0] == 0);
    CHECK_STATUS(piimask_bytes_set(NULL, (const uint8_t *)"x", 1), PIIMASK_STATUS_NULL_ARGUMENT);
    piimask_bytes_free(b);

    piimask_bytes_free(stranger);
    piimask_bytes_free(employee_token);
    piimask_bytes_free(email_token);
    piimask_bytes_free(fpe);
    piimask_scanner_free(s);
    printf("reveal: ok\n");
    return 0;
}
