/* TinyLlama: inference for llama2.c-format checkpoints (Llama 2 architecture),
 * after Andrej Karpathy's llama2.c run.c. The model, tokenizer and sampler live
 * in tinyllama.c; main.c drives them from the boot options.
 *
 * Everything is read from memory buffers (a whole file each, as bf_file returns
 * them) and only the C library subset of kernel_lib/libc.h is used, so the same
 * source runs on bare metal, as bitcode under the engine, and hosted (host.c). */
#ifndef TINYLLAMA_H
#define TINYLLAMA_H

#if __STDC_HOSTED__
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#else
#include "libc.h" /* kernel_lib: the same functions under their standard names */
#endif
#include "bf.h"

/* ------------------------------------------------------------------------- */
/* Transformer */

typedef struct {
    int dim;        /* transformer dimension: the width of the residual stream */
    int hidden_dim; /* width of the feed-forward layers */
    int n_layers;
    int n_heads;    /* query heads */
    int n_kv_heads; /* key/value heads (fewer than query heads: grouped-query attention) */
    int vocab_size;
    int seq_len;    /* maximum sequence length: the context */
} Config;

/* Pointers into the checkpoint buffer; matrices are row-major (out, in). */
typedef struct {
    const float *token_embedding_table; /* (vocab_size, dim) */
    const float *rms_att_weight;        /* (layer, dim) */
    const float *rms_ffn_weight;        /* (layer, dim) */
    const float *wq;                    /* (layer, n_heads * head_size, dim) */
    const float *wk;                    /* (layer, n_kv_heads * head_size, dim) */
    const float *wv;                    /* (layer, n_kv_heads * head_size, dim) */
    const float *wo;                    /* (layer, dim, n_heads * head_size) */
    const float *w1;                    /* (layer, hidden_dim, dim) */
    const float *w2;                    /* (layer, dim, hidden_dim) */
    const float *w3;                    /* (layer, hidden_dim, dim) */
    const float *rms_final_weight;      /* (dim) */
    const float *wcls;                  /* (vocab_size, dim): the classifier */
} TransformerWeights;

/* Activations of the current position, and the key/value cache of all past ones. */
typedef struct {
    float *x;      /* residual stream (dim) */
    float *xb;     /* scratch (dim) */
    float *xb2;    /* scratch (dim) */
    float *hb;     /* feed-forward scratch (hidden_dim) */
    float *hb2;    /* feed-forward scratch (hidden_dim) */
    float *q;      /* query (dim) */
    float *att;    /* attention scores (n_heads, seq_len) */
    float *logits; /* output (vocab_size) */
    float *key_cache;   /* (layer, seq_len, kv_dim) */
    float *value_cache; /* (layer, seq_len, kv_dim) */
} RunState;

typedef struct {
    Config config;
    TransformerWeights weights;
    RunState state;
} Transformer;

/* Parses and validates a checkpoint held in memory (`name` is used in error
 * messages); the weights stay in `data`, which must outlive the transformer.
 * Fails with BF_EXIT_BAD_MODEL or BF_EXIT_NO_MEMORY. */
void build_transformer(Transformer *t, const char *name, const void *data, uint32_t size);
void free_transformer(Transformer *t);
/* Runs `token` at position `pos` through the network; returns the logits of the
 * next token (vocab_size floats, valid until the next call). */
float *forward(Transformer *t, int token, int pos);

/* ------------------------------------------------------------------------- */
/* Tokenizer: byte-pair encoding with SentencePiece conventions */

typedef struct {
    const char *str;
    int id;
} TokenIndex;

typedef struct {
    char **vocab;             /* NUL-terminated piece of each id */
    float *vocab_scores;      /* merge priority of each id */
    TokenIndex *sorted_vocab; /* pieces sorted by strcmp, for lookups */
    int vocab_size;
    int max_token_length;
    char *piece_bytes;        /* storage of all pieces */
    unsigned char byte_pieces[512]; /* the 256 one-byte strings */
} Tokenizer;

/* Parses and validates a tokenizer held in memory for a model of `vocab_size`
 * tokens. Fails with BF_EXIT_BAD_TOKENIZER or BF_EXIT_NO_MEMORY. */
void build_tokenizer(Tokenizer *t, const char *name, const void *data, uint32_t size, int vocab_size);
void free_tokenizer(Tokenizer *t);
/* Encodes `text` into `tokens` (room for strlen(text) + 3 ids), optionally with
 * BOS (1) first and EOS (2) last. */
void encode(Tokenizer *t, const char *text, int bos, int eos, int *tokens, int *n_tokens);
/* The text of `token` when it follows `prev_token`. */
const char *decode(Tokenizer *t, int prev_token, int token);
/* Prints a piece, skipping a lone byte that is neither printable nor space. */
void safe_printf(const char *piece);

/* ------------------------------------------------------------------------- */
/* Sampler */

typedef struct {
    float prob;
    int index;
} ProbIndex;

typedef struct {
    int vocab_size;
    ProbIndex *probindex; /* scratch for top-p sampling */
    float temperature;
    float topp;
    unsigned long long rng_state;
} Sampler;

void build_sampler(Sampler *s, int vocab_size, float temperature, float topp, unsigned long long rng_seed);
void free_sampler(Sampler *s);
/* Picks the next token from the logits (which it overwrites with probabilities
 * when sampling). */
int sample(Sampler *s, float *logits);

#endif
