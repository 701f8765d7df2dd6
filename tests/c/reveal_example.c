#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "piimask.h"

/* The host's vault, which stored each token with its value when redacting. */
struct vault {
    const char *token, *value;
};

static bool lookup(void *ctx, const uint8_t *token, size_t len, piimask_bytes *value) {
    const struct vault *v = ctx;
    if (strlen(v->token) != len || memcmp(v->token, token, len) != 0) return false;
    /* The library copies the value before this returns. */
    return piimask_bytes_set(value, (const uint8_t *)v->value, strlen(v->value)) == PIIMASK_STATUS_OK;
}

/* Required: every attempt, allowed or not, is reported here (never the value). */
static void audit(void *log, const piimask_audit_event *e) {
    static const char *outcomes[] = {"revealed", "denied", "not_found"};
    fprintf(log, "audit: %s as %s, %s in %s: %s\n", e->actor, e->role, e->kind_name,
            e->conversation ? e->conversation : "-", outcomes[e->outcome]);
}

int main(void) {
    static const uint8_t key[32] = "from the tenant's secret store!"; /* 32 bytes */
    const char *config = "{\"region\": \"IN\"}";
    piimask_scanner *scanner = NULL;
    if (piimask_scanner_new_with_key(config, strlen(config), key, sizeof key, &scanner) != PIIMASK_STATUS_OK)
        return 1;

    const char *number = "+91 98765 43210";
    piimask_bytes *token = NULL; /* what an agent sees: [PHONE:...] */
    if (piimask_redact(scanner, (const uint8_t *)number, strlen(number), NULL, "agent", &token) != PIIMASK_STATUS_OK)
        return 1;
    struct vault vault = {(const char *)piimask_bytes_data(token), number};

    const char *roles[] = {"supervisor", "agent"};
    for (int i = 0; i < 2; i++) {
        piimask_bytes *value = NULL;
        piimask_status status = piimask_reveal(
            scanner, piimask_bytes_data(token), piimask_bytes_len(token), 1 /* phone */, roles[i],
            "agent-42", "conv-7", NULL, lookup, &vault, audit, stdout, &value);
        if (status == PIIMASK_STATUS_OK) {
            printf("%s: %s\n", roles[i], (const char *)piimask_bytes_data(value));
            piimask_bytes_free(value);
        } else {
            printf("%s: %s\n", roles[i], piimask_status_message(status));
        }
    }
    piimask_bytes_free(token);
    piimask_scanner_free(scanner);
    return 0;
}
