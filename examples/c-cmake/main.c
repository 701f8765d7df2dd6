/* Checks at run time that the library is one this program was compiled for,
 * then masks a message. Built by CMakeLists.txt through pkg-config. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <piimask.h>

/* A library of the same major version and an equal or newer minor version
 * has every declaration of the header this program was compiled with
 * (CHANGELOG.md states the promise). */
static int library_fits(void) {
    unsigned major = 0, minor = 0, patch = 0;
    const char *version = piimask_version();
    if (sscanf(version, "%u.%u.%u", &major, &minor, &patch) != 3) {
        fprintf(stderr, "piimask: unreadable library version %s\n", version);
        return 0;
    }
    if (major != PIIMASK_VERSION_MAJOR || minor < PIIMASK_VERSION_MINOR) {
        fprintf(stderr, "piimask: library %s, but this program needs %d.x with x >= %d\n",
                version, PIIMASK_VERSION_MAJOR, PIIMASK_VERSION_MINOR);
        return 0;
    }
    return 1;
}

int main(void) {
    if (!library_fits()) {
        return 2;
    }
    printf("header %s, library %s\n", PIIMASK_VERSION_STRING, piimask_version());

    const char *config = "{\"region\": \"IN\"}";
    piimask_scanner *scanner = NULL;
    if (piimask_scanner_new(config, strlen(config), &scanner) != PIIMASK_STATUS_OK) {
        char why[256];
        piimask_last_error(why, sizeof why);
        fprintf(stderr, "piimask: %s\n", why);
        return 1;
    }
    const char *text = "Call 98765 43210 or mail priya@example.in";
    piimask_bytes *masked = NULL;
    piimask_status status =
        piimask_redact(scanner, (const uint8_t *)text, strlen(text), NULL, NULL, &masked);
    if (status != PIIMASK_STATUS_OK) {
        fprintf(stderr, "piimask: %s\n", piimask_status_message(status));
        piimask_scanner_free(scanner);
        return 1;
    }
    printf("%.*s\n", (int)piimask_bytes_len(masked), (const char *)piimask_bytes_data(masked));
    piimask_bytes_free(masked);
    piimask_scanner_free(scanner);
    return 0;
}
