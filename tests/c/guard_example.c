#include <stdio.h>
#include <string.h>

#include "piimask.h"

int main(void) {
    static const uint8_t key[32] = "from the tenant's secret store!"; /* 32 bytes */
    const char *config = "{\"region\": \"IN\"}";
    piimask_scanner *scanner = NULL;
    piimask_guard *guard = NULL;
    if (piimask_scanner_new(config, strlen(config), &scanner) != PIIMASK_STATUS_OK ||
        piimask_guard_new(scanner, key, sizeof key, NULL, 0, &guard) != PIIMASK_STATUS_OK)
        return 1;
    piimask_scanner_free(scanner); /* the guard keeps what it needs */

    /* Customers write; the guard learns who owns which value (-1: now). */
    const char *in = "my number is 98765 43210";
    piimask_guard_observe(guard, "c-1", (const uint8_t *)in, strlen(in), -1, NULL, NULL);

    const char *replies[][2] = {
        {"c-1", "calling you on +91-98765-43210"},    /* its own number: fine */
        {"c-2", "ask wa.me/919876543210, he has it"}, /* another customer's */
        {"c-2", "or call me on 91234 56789"},         /* nobody's: the agent's own? */
    };
    for (int i = 0; i < 3; i++) {
        piimask_check *check = NULL;
        if (piimask_guard_check(guard, replies[i][0], "agent-3", (const uint8_t *)replies[i][1],
                                strlen(replies[i][1]), -1, NULL, &check) != PIIMASK_STATUS_OK)
            return 1;
        static const char *actions[] = {"deliver", "mask", "hold"};
        printf("%s: %s\n", replies[i][0], actions[piimask_check_action(check)]);
        size_t n = 0, len = 0;
        const piimask_guard_event *e = piimask_check_events(check, &n);
        for (size_t k = 0; k < n; k++) {
            printf("  %.*s", (int)e[k].rule_len, (const char *)e[k].rule);
            for (size_t o = 0; o < e[k].owners_len; o++)
                printf(" owner %.*s", (int)e[k].owners[o].len, (const char *)e[k].owners[o].ptr);
            printf("\n  coaching: %.*s\n", (int)e[k].coaching_len, (const char *)e[k].coaching);
        }
        const uint8_t *send = piimask_check_text(check, &len);
        if (send) printf("  send: %.*s\n", (int)len, (const char *)send);
        piimask_check_free(check);
    }
    piimask_guard_free(guard);
    return 0;
}
