/* The TinyLlama application: reads the boot options, loads model.bin and
 * tokenizer.bin, and generates text as llama2.c run.c's generate() does,
 * printing it on the console and reporting events (JSON lines) on the way. */
#include <float.h>
#include <limits.h>
#include "tinyllama.h"

/* ------------------------------------------------------------------------- */
/* Boot options */

static const char *const known_options[] = {"prompt", "steps", "temperature", "topp", "seed", NULL};

/* The value of option `name` as a malloc'd string, or NULL when it is not set. */
static char *option_string(const char *name) {
    char small[64];
    int len = bf_option(name, small, sizeof(small));
    if (len < 0) {
        return NULL;
    }
    char *value = malloc((size_t)len + 1);
    if (value == NULL) {
        bf_fail(BF_EXIT_NO_MEMORY, "out of memory for option %s", name);
    }
    if (len < (int)sizeof(small)) {
        memcpy(value, small, (size_t)len + 1);
    } else {
        bf_option(name, value, len + 1); /* did not fit: read it again whole */
    }
    return value;
}

/* An integer option; `fallback` when it is not set. */
static long option_long(const char *name, long fallback) {
    char *text = option_string(name);
    if (text == NULL) {
        return fallback;
    }
    char *end;
    long value = strtol(text, &end, 10);
    if (end == text || *end != '\0') {
        bf_fail(BF_EXIT_BAD_OPTION, "option %s: '%s' is not an integer", name, text);
    }
    if (value == LONG_MAX || value == LONG_MIN) {
        bf_fail(BF_EXIT_BAD_OPTION, "option %s: %s is out of range", name, text);
    }
    free(text);
    return value;
}

/* A real-valued option in [min, max] (`rule` says so in messages); `fallback`
 * when it is not set. */
static float option_float(const char *name, float fallback, double min, double max, const char *rule) {
    char *text = option_string(name);
    if (text == NULL) {
        return fallback;
    }
    char *end;
    double value = strtod(text, &end);
    if (end == text || *end != '\0' || value != value) {
        bf_fail(BF_EXIT_BAD_OPTION, "option %s: '%s' is not a number", name, text);
    }
    if (value < min || value > max) {
        bf_fail(BF_EXIT_BAD_OPTION, "option %s: %s %s", name, text, rule);
    }
    free(text);
    return (float)value;
}

/* ------------------------------------------------------------------------- */
/* Files */

static const void *load_file(const char *name, uint32_t *size, int exit_code) {
    const void *data = bf_file(name, size);
    if (data == NULL) {
        bf_fail(exit_code, "no file %s in the data volume", name);
    }
    return data;
}

/* ------------------------------------------------------------------------- */
/* Generation */

/* Prints {"ev":"prompt","tokens":[...]}. */
static void prompt_event(const int *tokens, int n) {
    char *list = malloc((size_t)n * 12 + 1); /* up to 11 characters and a comma per id */
    if (list == NULL) {
        bf_fail(BF_EXIT_NO_MEMORY, "out of memory for the prompt event");
    }
    int len = 0;
    for (int i = 0; i < n; i++) {
        len += snprintf(list + len, 13, i == 0 ? "%d" : ",%d", tokens[i]);
    }
    list[len] = '\0';
    bf_event("{\"ev\":\"prompt\",\"tokens\":[%s]}", list);
    free(list);
}

int app_main(void) {
    bf_options_check(known_options);
    char *prompt = option_string("prompt");
    long steps = option_long("steps", 256);
    float temperature = option_float("temperature", 0.0f, 0.0, FLT_MAX, "must be a finite number >= 0");
    float topp = option_float("topp", 0.9f, 0.0, 1.0, "must be between 0 and 1");
    /* A fixed default seed keeps runs reproducible. xorshift gets stuck at 0,
     * and run.c would pick a time-based seed then: refuse it instead. */
    long seed = option_long("seed", 42);
    if (seed < 1) {
        bf_fail(BF_EXIT_BAD_OPTION, "option seed: %ld must be at least 1", seed);
    }
    if (steps < 1) {
        bf_fail(BF_EXIT_BAD_OPTION, "option steps: %ld must be at least 1", steps);
    }

    uint64_t tsc_load = bf_cycles();
    uint32_t model_size, tokenizer_size;
    const void *model = load_file("model.bin", &model_size, BF_EXIT_BAD_MODEL);
    const void *tokenizer_data = load_file("tokenizer.bin", &tokenizer_size, BF_EXIT_BAD_TOKENIZER);
    Transformer transformer;
    build_transformer(&transformer, "model.bin", model, model_size);
    const Config *config = &transformer.config;
    Tokenizer tokenizer;
    build_tokenizer(&tokenizer, "tokenizer.bin", tokenizer_data, tokenizer_size, config->vocab_size);
    Sampler sampler;
    build_sampler(&sampler, config->vocab_size, temperature, topp, (unsigned long long)seed);
    bf_event("{\"ev\":\"load\",\"model_bytes\":%u,\"tokenizer_bytes\":%u,\"dim\":%d,\"n_layers\":%d,"
             "\"vocab\":%d,\"seq_len\":%d,\"tsc_start\":%llu,\"tsc_end\":%llu}",
             model_size, tokenizer_size, config->dim, config->n_layers, config->vocab_size,
             config->seq_len, (unsigned long long)tsc_load, (unsigned long long)bf_cycles());

    if (steps > config->seq_len) {
        bf_fail(BF_EXIT_BAD_OPTION, "option steps: %ld exceeds the model's context of %d",
                steps, config->seq_len);
    }

    /* Encode the prompt: BOS first, no EOS. */
    const char *text = prompt != NULL ? prompt : "";
    int *prompt_tokens = malloc((strlen(text) + 3) * sizeof(int));
    if (prompt_tokens == NULL) {
        bf_fail(BF_EXIT_NO_MEMORY, "out of memory for the prompt tokens");
    }
    int num_prompt_tokens;
    encode(&tokenizer, text, 1, 0, prompt_tokens, &num_prompt_tokens);
    if (num_prompt_tokens > steps) { /* and so steps <= seq_len covers the context */
        bf_fail(BF_EXIT_BAD_PROMPT, "prompt: %d tokens do not fit in %ld steps (the model's context is %d)",
                num_prompt_tokens, steps, config->seq_len);
    }
    prompt_event(prompt_tokens, num_prompt_tokens);

    /* Steps counts every position, the prompt's included. While prompt
     * tokens remain, the next token is forced; after that it is sampled. */
    int token = prompt_tokens[0]; /* BOS */
    int pos = 0;
    while (pos < steps) {
        uint64_t tsc_start = bf_cycles();
        float *logits = forward(&transformer, token, pos);
        int next = pos < num_prompt_tokens - 1 ? prompt_tokens[pos + 1] : sample(&sampler, logits);
        bf_event("{\"ev\":\"token\",\"pos\":%d,\"id\":%d,\"tsc_start\":%llu,\"tsc_end\":%llu}",
                 pos, next, (unsigned long long)tsc_start, (unsigned long long)bf_cycles());
        pos++;
        /* BOS delimits sequences: generating it ends the text. */
        if (next == 1) {
            break;
        }
        safe_printf(decode(&tokenizer, token, next));
        token = next;
    }
    printf("\n");
    bf_event("{\"ev\":\"done\",\"tokens\":%d,\"tsc\":%llu}", pos, (unsigned long long)bf_cycles());

    free(prompt_tokens);
    free(prompt);
    free_sampler(&sampler);
    free_tokenizer(&tokenizer);
    free_transformer(&transformer);
    return 0;
}
