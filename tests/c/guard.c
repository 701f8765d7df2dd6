/* The leak guard through the C ABI: ownership, both classes, actions and
   the masked text, registration, forget, snapshot/restore (and a damaged
   snapshot refused), errors, and threads sharing one guard. */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <unistd.h>
#include <stdint.h>
#include <stdlib.h>

#include "check.h"

static const uint8_t KEY[32] = "guard test key, 32 bytes long..";

static piimask_check *check(piimask_guard *g, const char *conversation, const char *text) {
    piimask_check *c = NULL;
    CHECK_OK(piimask_guard_check(g, conversation, "agent-1", (const uint8_t *)text, strlen(text), 1000,
                                 NULL, &c));
    CHECK(c != NULL);
    return c;
}

static size_t event_count(const piimask_check *c) {
    size_t n = 99;
    const piimask_guard_event *e = piimask_check_events(c, &n);
    CHECK((n == 0) == (e == NULL));
    return n;
}

#define THREADS 6
#define ROUNDS 200
static piimask_guard *shared;

static void *work(void *arg) {
    size_t id = (size_t)(uintptr_t)arg;
    char conversation[32], text[64];
    snprintf(conversation, sizeof conversation, "t-%zu", id);
    snprintf(text, sizeof text, "my number 9%zu123 4567%zu", id, id);
    size_t found = 0;
    CHECK_OK(piimask_guard_observe(shared, conversation, (const uint8_t *)text, strlen(text), 10, NULL, &found));
    CHECK(found == 1);
    for (int round = 0; round < ROUNDS; round++) {
        piimask_check *own = check(shared, conversation, text);
        CHECK(event_count(own) == 0);
        CHECK(piimask_check_action(own) == PIIMASK_ACTION_DELIVER);
        piimask_check_free(own);
        piimask_check *unknown = check(shared, conversation, "call 91234 56789");
        CHECK(piimask_check_action(unknown) == PIIMASK_ACTION_MASK);
        piimask_check_free(unknown);
    }
    return NULL;
}

int main(void) {
    piimask_scanner *scanner = scanner_from("{\"region\": \"IN\"}");
    piimask_guard *g = NULL;
    CHECK_OK(piimask_guard_new(scanner, KEY, sizeof KEY, NULL, 0, &g));

    /* Errors: short key, malformed configuration, unknown mask role; out untouched. */
    piimask_guard *untouched = (piimask_guard *)0x1;
    CHECK_STATUS(piimask_guard_new(scanner, KEY, 8, NULL, 0, &untouched), PIIMASK_STATUS_INVALID_CONFIG);
    const char *bad = "{\"actions\": {\"unknown_outbound\": {\"default\": \"drop\"}}}";
    CHECK_STATUS(piimask_guard_new(scanner, KEY, sizeof KEY, bad, strlen(bad), &untouched),
                 PIIMASK_STATUS_INVALID_CONFIG);
    const char *role = "{\"mask_role\": \"nobody\"}";
    CHECK_STATUS(piimask_guard_new(scanner, KEY, sizeof KEY, role, strlen(role), &untouched),
                 PIIMASK_STATUS_INVALID_CONFIG);
    CHECK(untouched == (piimask_guard *)0x1);
    CHECK_STATUS(piimask_guard_new(NULL, KEY, sizeof KEY, NULL, 0, &untouched), PIIMASK_STATUS_NULL_ARGUMENT);

    /* The scanner may go first: the guard shares it. */
    piimask_scanner_free(scanner);

    const char *in1 = "my number is 98765 43210";
    size_t found = 0;
    CHECK_OK(piimask_guard_observe(g, "c-1", (const uint8_t *)in1, strlen(in1), 100, NULL, &found));
    CHECK(found == 1);
    CHECK_OK(piimask_guard_observe(g, "c-9", (const uint8_t *)in1, strlen(in1), 100, "", NULL));
    const char *email = "Ravi@Shop.in";
    CHECK_OK(piimask_guard_register(g, "c-2", "email", (const uint8_t *)email, strlen(email), -1));
    const char *not_a_card = "4111 1111 1111 1112";
    CHECK_STATUS(piimask_guard_register(g, "c-2", "credit_card", (const uint8_t *)not_a_card,
                                        strlen(not_a_card), -1),
                 PIIMASK_STATUS_INVALID_ARGUMENT);

    /* Own data in another format: silent. */
    piimask_check *own = check(g, "c-1", "calling wa.me/919876543210");
    CHECK(event_count(own) == 0);
    CHECK(piimask_check_action(own) == PIIMASK_ACTION_DELIVER);
    size_t len = 7;
    CHECK(piimask_check_text(own, &len) == NULL && len == 7);
    piimask_check_free(own);

    /* Another customer's number: held, owners named. */
    const char *leak_text = "try 0091 98765 43210";
    piimask_check *leak = check(g, "c-5", leak_text);
    size_t n = 0;
    const piimask_guard_event *e = piimask_check_events(leak, &n);
    CHECK(n == 1);
    CHECK(e[0].leak_class == PIIMASK_LEAK_CLASS_CROSS_CONVERSATION_LEAK);
    CHECK(e[0].kind == 1);
    CHECK(e[0].start == offset_of(leak_text, "0091") && e[0].end == strlen(leak_text));
    CHECK(e[0].action == PIIMASK_ACTION_HOLD);
    CHECK(bytes_eq(e[0].rule, e[0].rule_len, "cross_conversation_leak.phone"));
    CHECK(e[0].coaching_len > 0);
    CHECK(e[0].owners_len == 2);
    CHECK(bytes_eq(e[0].owners[0].ptr, e[0].owners[0].len, "c-1"));
    CHECK(bytes_eq(e[0].owners[1].ptr, e[0].owners[1].len, "c-9"));
    CHECK(piimask_check_action(leak) == PIIMASK_ACTION_HOLD);
    CHECK(piimask_check_text(leak, &len) == NULL);
    piimask_check_free(leak);

    /* A number nobody shared: masked; the text to send. */
    const char *unknown_text = "call me on 91234 56789";
    piimask_check *unknown = check(g, "c-5", unknown_text);
    e = piimask_check_events(unknown, &n);
    CHECK(n == 1 && e[0].leak_class == PIIMASK_LEAK_CLASS_UNKNOWN_OUTBOUND && e[0].owners_len == 0);
    CHECK(piimask_check_action(unknown) == PIIMASK_ACTION_MASK);
    const uint8_t *send = piimask_check_text(unknown, &len);
    CHECK(bytes_eq(send, len, "call me on \xe2\x80\xa2\xe2\x80\xa2\xe2\x80\xa2\xe2\x80\xa2\xe2\x80\xa2 "
                              "\xe2\x80\xa2\xe2\x80\xa2" "789"));
    piimask_check_free(unknown);

    /* Coaching in another language. */
    piimask_guard *hi = NULL;
    const char *config = "{\"coaching\": {\"hi\": {\"unknown_outbound\": \"{kind}: mat bhejo\"}}}";
    scanner = scanner_from("{\"region\": \"IN\"}");
    CHECK_OK(piimask_guard_new(scanner, KEY, sizeof KEY, config, strlen(config), &hi));
    piimask_scanner_free(scanner);
    piimask_check *c = NULL;
    CHECK_OK(piimask_guard_check(hi, "c", "a", (const uint8_t *)unknown_text, strlen(unknown_text), -1, "hi", &c));
    e = piimask_check_events(c, &n);
    CHECK(n == 1 && bytes_eq(e[0].coaching, e[0].coaching_len, "phone: mat bhejo"));
    piimask_check_free(c);

    /* Snapshot, restore into the other guard (same key), a damaged file refused. */
    char path[] = "/tmp/piimask-guard-c-XXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    close(fd);
    size_t values = 0;
    CHECK_OK(piimask_guard_snapshot(g, path, &values));
    CHECK(values == 3);
    CHECK_OK(piimask_guard_restore(hi, path, &values));
    CHECK(values == 3);
    leak = check(hi, "c-5", leak_text);
    CHECK(piimask_check_action(leak) == PIIMASK_ACTION_HOLD);
    piimask_check_free(leak);
    FILE *f = fopen(path, "r+b");
    CHECK(f != NULL);
    fseek(f, 40, SEEK_SET);
    fputc('!', f);
    fclose(f);
    values = 42;
    CHECK_STATUS(piimask_guard_restore(hi, path, &values), PIIMASK_STATUS_ERROR);
    CHECK(values == 42);
    char why[256];
    piimask_last_error(why, sizeof why);
    CHECK(strstr(why, "corrupt") != NULL);
    remove(path);
    CHECK_STATUS(piimask_guard_restore(hi, path, NULL), PIIMASK_STATUS_ERROR);

    /* Forget. */
    size_t forgotten = 0;
    CHECK_OK(piimask_guard_forget(g, "c-1", &forgotten));
    CHECK(forgotten == 1);
    leak = check(g, "c-5", leak_text);
    e = piimask_check_events(leak, &n);
    CHECK(n == 1 && e[0].owners_len == 1 && bytes_eq(e[0].owners[0].ptr, e[0].owners[0].len, "c-9"));
    piimask_check_free(leak);

    /* NULLs. */
    CHECK_STATUS(piimask_guard_check(NULL, "c", "a", NULL, 0, -1, NULL, &c), PIIMASK_STATUS_NULL_ARGUMENT);
    CHECK_STATUS(piimask_guard_forget(g, NULL, NULL), PIIMASK_STATUS_NULL_ARGUMENT);
    CHECK(piimask_check_action(NULL) == PIIMASK_ACTION_HOLD);
    CHECK(piimask_check_events(NULL, &n) == NULL);
    piimask_check_free(NULL);
    piimask_guard_free(NULL);

    /* Threads sharing one guard. */
    shared = g;
    pthread_t threads[THREADS];
    for (size_t i = 0; i < THREADS; i++) CHECK(pthread_create(&threads[i], NULL, work, (void *)(uintptr_t)i) == 0);
    for (size_t i = 0; i < THREADS; i++) CHECK(pthread_join(threads[i], NULL) == 0);

    piimask_guard_free(hi);
    piimask_guard_free(g);
    printf("guard: ok\n");
    return 0;
}
