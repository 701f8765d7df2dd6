#include <stdio.h>
#include <string.h>

#include "piimask.h"

int main(void) {
    const char *config = "{\"region\": \"IN\"}"; /* the CLI's --config schema */
    piimask_scanner *scanner = NULL;              /* build once, share across threads */
    if (piimask_scanner_new(config, strlen(config), &scanner) != PIIMASK_STATUS_OK) {
        char why[256];
        piimask_last_error(why, sizeof why);
        fprintf(stderr, "piimask: %s\n", why);
        return 1;
    }

    const char *text = "Call 98765 43210 or mail priya@example.in";
    piimask_findings *findings = NULL;
    if (piimask_scan(scanner, (const uint8_t *)text, strlen(text), NULL, &findings) == PIIMASK_STATUS_OK) {
        for (size_t i = 0; i < piimask_findings_len(findings); i++) {
            piimask_finding f;
            piimask_findings_get(findings, i, &f);
            printf("%s [%zu, %zu) %.*s -> %.*s\n", piimask_kind_name(f.kind), f.start, f.end,
                   (int)(f.end - f.start), text + f.start, (int)f.normalized_len,
                   (const char *)f.normalized);
        }
        piimask_findings_free(findings);
    }

    piimask_bytes *masked = NULL; /* stays NULL if redaction fails */
    if (piimask_redact(scanner, (const uint8_t *)text, strlen(text), NULL, NULL, &masked) == PIIMASK_STATUS_OK) {
        printf("%.*s\n", (int)piimask_bytes_len(masked), (const char *)piimask_bytes_data(masked));
        piimask_bytes_free(masked);
    }
    piimask_scanner_free(scanner);
    return 0;
}
