/* The C library calls llama2.c's run.c makes, in the same roles (interpreter/LIBC.md, README
   "Running llama2.c"): it writes a small checkpoint (7-int header + float weights) and a
   tokenizer (max length, then score/length/bytes records) into the scratch directory argv[1],
   then reads the header with fopen/fread, sizes the file with fseek/ftell, maps the weights
   with open/mmap, reads the vocabulary with fread, sorts it with qsort and looks pieces up
   with bsearch, decodes "<0xXX>" pieces with sscanf and prints them only if isprint/isspace,
   times itself with clock_gettime and seeds from time (printed as properties, not values),
   reports on stderr with fprintf, and cleans up with munmap/close. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>
#include <time.h>
#include <math.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/mman.h>

typedef struct { int dim, hidden_dim, n_layers, n_heads, n_kv_heads, vocab_size, seq_len; } Config;
typedef struct { char *str; int id; } TokenIndex;
static int compare_tokens(const void *a, const void *b) { return strcmp(((const TokenIndex *)a)->str, ((const TokenIndex *)b)->str); }
static const char *pieces[] = { "<unk>", "\n<s>\n", "\n</s>\n", "<0x41>", "<0x07>", "<0x0A>", " ", "a", "b", " the", "cat", "<0x20>", " sat", "!", "ab", " on" };
enum { V = sizeof pieces / sizeof pieces[0], DIM = 8 };

static long time_in_ms(void) { struct timespec t; clock_gettime(CLOCK_REALTIME, &t); return t.tv_sec * 1000 + t.tv_nsec / 1000000; }

static void write_files(const char *model, const char *tok) {
    Config c = { DIM, 16, 1, 2, 2, V, 32 };
    FILE *f = fopen(model, "wb");
    fwrite(&c, sizeof c, 1, f);
    for (int i = 0; i < V * DIM + DIM * V; i++) { float w = sinf(0.37f * i) * 0.5f; fwrite(&w, sizeof w, 1, f); }
    fclose(f);
    f = fopen(tok, "wb");
    int maxlen = 6; fwrite(&maxlen, sizeof maxlen, 1, f);
    for (int i = 0; i < V; i++) { float score = -(float)i; int len = (int)strlen(pieces[i]); fwrite(&score, 4, 1, f); fwrite(&len, 4, 1, f); fwrite(pieces[i], 1, len, f); }
    fclose(f);
}

int main(int argc, char **argv) {
    char model[512], tok[512];
    snprintf(model, sizeof model, "%s/model.bin", argc > 1 ? argv[1] : "/tmp");
    snprintf(tok, sizeof tok, "%s/tok.bin", argc > 1 ? argv[1] : "/tmp");
    write_files(model, tok);
    unsigned long long seed = (unsigned int)time(NULL);
    printf("time seeds: %d\n", seed > 1600000000ull);
    long start = time_in_ms();

    Config config;
    FILE *file = fopen(model, "rb");
    if (!file) { fprintf(stderr, "Couldn't open file %s\n", model); return 1; }
    if (fread(&config, sizeof(Config), 1, file) != 1) return 1;
    fseek(file, 0, SEEK_END);
    ssize_t file_size = ftell(file);
    fclose(file);
    int fd = open(model, O_RDONLY);
    if (fd == -1) { fprintf(stderr, "open failed!\n"); return 1; }
    float *data = mmap(NULL, file_size, PROT_READ, MAP_PRIVATE, fd, 0);
    if (data == MAP_FAILED) { fprintf(stderr, "mmap failed!\n"); return 1; }
    float *emb = data + sizeof(Config) / sizeof(float), *cls = emb + config.vocab_size * config.dim;
    printf("config dim %d vocab %d seq %d file %ld bytes\n", config.dim, config.vocab_size, config.seq_len, (long)file_size);

    char **vocab = malloc(config.vocab_size * sizeof(char *));
    float *scores = malloc(config.vocab_size * sizeof(float));
    unsigned int max_token_length;
    file = fopen(tok, "rb");
    if (!file || fread(&max_token_length, sizeof(int), 1, file) != 1) { fprintf(stderr, "failed read\n"); return 1; }
    for (int i = 0; i < config.vocab_size; i++) {
        int len;
        if (fread(scores + i, sizeof(float), 1, file) != 1 || fread(&len, sizeof(int), 1, file) != 1) { fprintf(stderr, "failed read\n"); return 1; }
        vocab[i] = malloc(len + 1);
        if (fread(vocab[i], len, 1, file) != 1) { fprintf(stderr, "failed read\n"); return 1; }
        vocab[i][len] = '\0';
    }
    fclose(file);

    TokenIndex *sorted = malloc(config.vocab_size * sizeof(TokenIndex));
    for (int i = 0; i < config.vocab_size; i++) { sorted[i].str = vocab[i]; sorted[i].id = i; }
    qsort(sorted, config.vocab_size, sizeof(TokenIndex), compare_tokens);
    const char *words[] = { " the", "cat", " sat", "ab", "zzz", " " };
    printf("lookups:");
    for (int i = 0; i < 6; i++) {
        TokenIndex key = { .str = (char *)words[i] };
        TokenIndex *res = bsearch(&key, sorted, config.vocab_size, sizeof(TokenIndex), compare_tokens);
        printf(" %d", res ? res->id : -1);
    }
    printf("\n");

    /* "generation": the next token is the argmax of cls . emb[token] */
    int token = 1;
    for (int pos = 0; pos < 12; pos++) {
        int next = 0; float best = -1e30f;
        for (int v = 0; v < config.vocab_size; v++) {
            float s = 0; for (int d = 0; d < config.dim; d++) s += cls[v * config.dim + d] * emb[token * config.dim + d] * (1.0f + 0.1f * pos);
            if (s > best) { best = s; next = v; }
        }
        next = (next + pos) % config.vocab_size;
        const char *piece = vocab[next];
        unsigned char byte_val;
        if (sscanf(piece, "<0x%02hhX>", &byte_val) == 1) {
            if (isprint(byte_val) || isspace(byte_val)) { char bp[2] = { (char)byte_val, 0 }; printf("%s", bp); }
        } else printf("%s", piece);
        fflush(stdout);
        token = next;
    }
    printf("\n");
    long end = time_in_ms();
    fprintf(stderr, "timing: %s\n", end >= start ? "monotone" : "went back");
    for (int i = 0; i < config.vocab_size; i++) free(vocab[i]);
    free(vocab); free(scores); free(sorted);
    printf("munmap %d close %d\n", munmap(data, file_size), close(fd));
    return 0;
}
