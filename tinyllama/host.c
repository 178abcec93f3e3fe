/* The BareFlow platform API (kernel_lib/bf.h) on a hosted build, so that the
 * application runs as an ordinary Linux program with llama2.c-like flags:
 *
 *   tinyllama-host model.bin [-z tokenizer.bin] [-t temperature] [-p topp]
 *                  [-s seed] [-n steps] [-i prompt] [-o name=value]... [-e events.jsonl]
 *
 * -t/-p/-s/-n/-i set the boot options temperature/topp/seed/steps/prompt, and
 * -o sets any option by name; unset options keep the application's defaults.
 * The model and tokenizer files stand for the data volume's model.bin and
 * tokenizer.bin (the tokenizer defaults to ./tokenizer.bin, as in run.c).
 * Events go to the -e file as JSON lines. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "bf.h"

int app_main(void);

#define MAX_OPTIONS 64
static struct {
    const char *name;
    const char *value;
} options[MAX_OPTIONS];
static int n_options;

/* The data volume's files, the exit code when one cannot be read, and its
 * contents once loaded. */
static struct {
    const char *name;
    const char *path;
    int exit_code;
    void *data;
    uint32_t size;
} files[] = {
    {"model.bin", NULL, BF_EXIT_BAD_MODEL, NULL, 0},
    {"tokenizer.bin", "tokenizer.bin", BF_EXIT_BAD_TOKENIZER, NULL, 0},
};

static FILE *events; /* NULL: events are dropped */

static void usage(const char *message) {
    fprintf(stderr,
            "error: %s\n"
            "usage: tinyllama-host <model.bin> [-z tokenizer.bin] [-t temperature] [-p topp]\n"
            "                      [-s seed] [-n steps] [-i prompt] [-o name=value]... [-e events.jsonl]\n",
            message);
    exit(BF_EXIT_BAD_OPTION);
}

/* Sets an option; a later setting of the same name wins. */
static void set_option(const char *name, const char *value) {
    for (int i = 0; i < n_options; i++) {
        if (strcmp(options[i].name, name) == 0) {
            options[i].value = value;
            return;
        }
    }
    if (n_options == MAX_OPTIONS) {
        usage("too many options");
    }
    options[n_options].name = name;
    options[n_options].value = value;
    n_options++;
}

int bf_option(const char *name, char *buf, int len) {
    for (int i = 0; i < n_options; i++) {
        if (strcmp(options[i].name, name) == 0) {
            snprintf(buf, len, "%s", options[i].value);
            return (int)strlen(options[i].value);
        }
    }
    return -1;
}

void bf_options_check(const char *const *known) {
    for (int i = 0; i < n_options; i++) {
        const char *const *k = known;
        while (*k != NULL && strcmp(*k, options[i].name) != 0) {
            k++;
        }
        if (*k == NULL) {
            bf_fail(BF_EXIT_BAD_OPTION, "unknown option '%s'", options[i].name);
        }
    }
}

/* Reads a whole file into memory, once: it stays there, as in the guest. */
const void *bf_file(const char *name, uint32_t *size) {
    *size = 0;
    for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
        if (strcmp(files[i].name, name) != 0 || files[i].path == NULL) {
            continue;
        }
        if (files[i].data != NULL) {
            *size = files[i].size;
            return files[i].data;
        }
        const char *path = files[i].path;
        FILE *f = fopen(path, "rb");
        if (f == NULL) {
            bf_fail(files[i].exit_code, "cannot open %s (%s): %s", path, name, strerror(errno));
        }
        size_t cap = 1 << 16, len = 0, got;
        char *data = malloc(cap);
        while (data != NULL && (got = fread(data + len, 1, cap - len, f)) > 0) {
            len += got;
            if (len == cap) {
                cap *= 2;
                data = realloc(data, cap);
            }
        }
        if (data == NULL) {
            bf_fail(BF_EXIT_NO_MEMORY, "out of memory reading %s", path);
        }
        if (ferror(f)) {
            free(data);
            bf_fail(files[i].exit_code, "cannot read %s (%s): %s", path, name, strerror(errno));
        }
        fclose(f);
        if (len > UINT32_MAX) {
            bf_fail(files[i].exit_code, "%s (%s) is larger than 4 GiB", path, name);
        }
        files[i].data = data;
        files[i].size = *size = (uint32_t)len;
        return data;
    }
    return NULL;
}

uint64_t bf_cycles(void) {
    return __builtin_ia32_rdtsc();
}

void bf_event(const char *fmt, ...) {
    if (events == NULL) {
        return;
    }
    va_list ap;
    va_start(ap, fmt);
    vfprintf(events, fmt, ap);
    va_end(ap);
    fputc('\n', events);
}

/* Writes s as the contents of a JSON string. */
static void json_string(FILE *f, const char *s) {
    for (; *s != '\0'; s++) {
        unsigned char c = *s;
        if (c == '"' || c == '\\') {
            fprintf(f, "\\%c", c);
        } else if (c < 0x20) {
            fprintf(f, "\\u%04x", c);
        } else {
            fputc(c, f);
        }
    }
}

void bf_fail(int code, const char *fmt, ...) {
    char message[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(message, sizeof(message), fmt, ap);
    va_end(ap);
    fflush(stdout);
    fprintf(stderr, "error: %s\n", message);
    if (events != NULL) {
        fprintf(events, "{\"ev\":\"error\",\"code\":%d,\"message\":\"", code);
        json_string(events, message);
        fprintf(events, "\"}\n");
    }
    bf_exit(code);
}

void bf_exit(int code) {
    fflush(stdout);
    if (events != NULL) {
        fclose(events);
    }
    exit(code);
}

int main(int argc, char **argv) {
    if (argc < 2 || argv[1][0] == '-') {
        usage("the first argument must be the model file");
    }
    files[0].path = argv[1];
    const char *events_path = NULL;
    for (int i = 2; i < argc; i += 2) {
        const char *flag = argv[i];
        if (flag[0] != '-' || flag[1] == '\0' || flag[2] != '\0') {
            usage("flags are a dash and one letter");
        }
        if (i + 1 >= argc) {
            usage("a flag is missing its value");
        }
        char *value = argv[i + 1];
        switch (flag[1]) {
        case 'z': files[1].path = value; break;
        case 't': set_option("temperature", value); break;
        case 'p': set_option("topp", value); break;
        case 's': set_option("seed", value); break;
        case 'n': set_option("steps", value); break;
        case 'i': set_option("prompt", value); break;
        case 'e': events_path = value; break;
        case 'o': {
            char *eq = strchr(value, '=');
            if (eq == NULL || eq == value) {
                usage("-o takes name=value");
            }
            *eq = '\0'; /* split "name=value" in place */
            set_option(value, eq + 1);
            break;
        }
        default: usage("unknown flag");
        }
    }
    if (events_path != NULL) {
        events = fopen(events_path, "w");
        if (events == NULL) {
            fprintf(stderr, "error: cannot write %s: %s\n", events_path, strerror(errno));
            return BF_EXIT_ERROR;
        }
    }
    bf_exit(app_main());
}
