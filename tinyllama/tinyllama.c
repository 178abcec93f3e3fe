/* TinyLlama inference: a Llama 2 transformer, its BPE tokenizer and a sampler,
 * in one file, after llama2.c run.c (MIT, Copyright (c) 2023 Andrej Karpathy).
 * The arithmetic follows run.c operation for operation, in the same order, so
 * that with the same math library the logits are bit-identical to run.c's. */
#include "tinyllama.h"

/* Allocates zeroed memory; running out of it is a clear failure, not a crash. */
static void *alloc_zeroed(uint64_t count, uint64_t elem_size, const char *what) {
    uint64_t bytes = count * elem_size;
    void *p = bytes <= (size_t)-1 ? calloc((size_t)count, (size_t)elem_size) : NULL;
    if (p == NULL) {
        bf_fail(BF_EXIT_NO_MEMORY, "out of memory: %llu bytes for %s",
                (unsigned long long)bytes, what);
    }
    return p;
}

/* ------------------------------------------------------------------------- */
/* Checkpoint */

/* A llama2.c "version 0" checkpoint is a Config header (7 little-endian
 * int32) followed by float32 arrays in a fixed order. A negative vocab_size
 * means the classifier has its own matrix at the end; otherwise it shares
 * the token embedding table. Between rms_final and that matrix lie the
 * precomputed RoPE tables of older exports, which we skip: the rotation is
 * computed on the fly in forward(). */

/* No real checkpoint comes near this; it keeps the size arithmetic in range. */
#define MAX_DIMENSION (1 << 20)

static void check_config(const char *name, const Config *p) {
    const struct { const char *what; int value; } dims[] = {
        {"dim", p->dim}, {"hidden_dim", p->hidden_dim}, {"n_layers", p->n_layers},
        {"n_heads", p->n_heads}, {"n_kv_heads", p->n_kv_heads},
        {"vocab_size", p->vocab_size}, {"seq_len", p->seq_len},
    };
    for (size_t i = 0; i < sizeof(dims) / sizeof(dims[0]); i++) {
        if (dims[i].value <= 0 || dims[i].value > MAX_DIMENSION) {
            bf_fail(BF_EXIT_BAD_MODEL, "%s: header field %s is %d, expected 1..%d",
                    name, dims[i].what, dims[i].value, MAX_DIMENSION);
        }
    }
    if (p->dim % p->n_heads != 0) {
        bf_fail(BF_EXIT_BAD_MODEL, "%s: dim %d is not a multiple of n_heads %d",
                name, p->dim, p->n_heads);
    }
    if ((p->dim / p->n_heads) % 2 != 0) {
        bf_fail(BF_EXIT_BAD_MODEL, "%s: head size %d (dim / n_heads) is odd, RoPE rotates pairs",
                name, p->dim / p->n_heads);
    }
    if (p->n_heads % p->n_kv_heads != 0) {
        bf_fail(BF_EXIT_BAD_MODEL, "%s: n_heads %d is not a multiple of n_kv_heads %d",
                name, p->n_heads, p->n_kv_heads);
    }
}

void build_transformer(Transformer *t, const char *name, const void *data, uint32_t size) {
    Config *p = &t->config;
    TransformerWeights *w = &t->weights;
    RunState *s = &t->state;
    if (size < sizeof(Config)) {
        bf_fail(BF_EXIT_BAD_MODEL, "%s: %u bytes, too short for the %u-byte header",
                name, size, (unsigned)sizeof(Config));
    }
    if ((uintptr_t)data % sizeof(float) != 0) {
        bf_fail(BF_EXIT_ERROR, "%s: buffer is not aligned for float access", name);
    }
    memcpy(p, data, sizeof(Config));
    int shared_weights = p->vocab_size > 0;
    if (p->vocab_size < 0 && p->vocab_size >= -MAX_DIMENSION) {
        p->vocab_size = -p->vocab_size; /* (a larger one is reported as is below) */
    }
    check_config(name, p);

    /* Lay the arrays out over the buffer, counting floats (all products stay
     * below 2^63 thanks to MAX_DIMENSION). */
    uint64_t dim = p->dim, hidden = p->hidden_dim, layers = p->n_layers;
    uint64_t head_size = dim / p->n_heads;
    uint64_t kv_dim = head_size * p->n_kv_heads;
    const float *base = (const float *)((const char *)data + sizeof(Config));
    uint64_t off = 0;
#define TAKE(field, count) (w->field = base + off, off += (count))
    TAKE(token_embedding_table, (uint64_t)p->vocab_size * dim);
    TAKE(rms_att_weight, layers * dim);
    TAKE(wq, layers * dim * dim);
    TAKE(wk, layers * dim * kv_dim);
    TAKE(wv, layers * dim * kv_dim);
    TAKE(wo, layers * dim * dim);
    TAKE(rms_ffn_weight, layers * dim);
    TAKE(w1, layers * hidden * dim);
    TAKE(w2, layers * dim * hidden);
    TAKE(w3, layers * hidden * dim);
    TAKE(rms_final_weight, dim);
#undef TAKE
    off += (uint64_t)p->seq_len * head_size; /* legacy RoPE tables: cos and sin halves */
    w->wcls = shared_weights ? w->token_embedding_table : base + off;
    if (!shared_weights) {
        off += (uint64_t)p->vocab_size * dim;
    }
    uint64_t need = sizeof(Config) + off * sizeof(float);
    if (need > size) {
        bf_fail(BF_EXIT_BAD_MODEL,
                "%s: %u bytes, but its header (dim %d, hidden_dim %d, n_layers %d, n_heads %d, "
                "n_kv_heads %d, vocab_size %d%s, seq_len %d) needs %llu: truncated?",
                name, size, p->dim, p->hidden_dim, p->n_layers, p->n_heads, p->n_kv_heads,
                p->vocab_size, shared_weights ? "" : " unshared", p->seq_len,
                (unsigned long long)need);
    }

    s->x = alloc_zeroed(dim, sizeof(float), "activations");
    s->xb = alloc_zeroed(dim, sizeof(float), "activations");
    s->xb2 = alloc_zeroed(dim, sizeof(float), "activations");
    s->hb = alloc_zeroed(hidden, sizeof(float), "activations");
    s->hb2 = alloc_zeroed(hidden, sizeof(float), "activations");
    s->q = alloc_zeroed(dim, sizeof(float), "activations");
    s->att = alloc_zeroed((uint64_t)p->n_heads * p->seq_len, sizeof(float), "attention scores");
    s->logits = alloc_zeroed(p->vocab_size, sizeof(float), "logits");
    s->key_cache = alloc_zeroed(layers * p->seq_len * kv_dim, sizeof(float), "key cache");
    s->value_cache = alloc_zeroed(layers * p->seq_len * kv_dim, sizeof(float), "value cache");
}

void free_transformer(Transformer *t) {
    RunState *s = &t->state;
    free(s->x);
    free(s->xb);
    free(s->xb2);
    free(s->hb);
    free(s->hb2);
    free(s->q);
    free(s->att);
    free(s->logits);
    free(s->key_cache);
    free(s->value_cache);
}

/* ------------------------------------------------------------------------- */
/* Building blocks of the network */

/* RMSNorm: o = weight * x / sqrt(mean(x^2) + eps). Unlike LayerNorm there is
 * no mean subtraction and no bias: only the scale of x is normalised. */
static void rmsnorm(float *o, const float *x, const float *weight, int size) {
    float ss = 0.0f;
    for (int j = 0; j < size; j++) {
        ss += x[j] * x[j];
    }
    ss /= size;
    ss += 1e-5f;
    ss = 1.0f / sqrtf(ss);
    for (int j = 0; j < size; j++) {
        o[j] = weight[j] * (ss * x[j]);
    }
}

/* softmax(x)_i = exp(x_i - max) / sum_j exp(x_j - max); subtracting the
 * maximum changes nothing mathematically and keeps exp() from overflowing. */
static void softmax(float *x, int size) {
    float max_val = x[0];
    for (int i = 1; i < size; i++) {
        if (x[i] > max_val) {
            max_val = x[i];
        }
    }
    float sum = 0.0f;
    for (int i = 0; i < size; i++) {
        x[i] = expf(x[i] - max_val);
        sum += x[i];
    }
    for (int i = 0; i < size; i++) {
        x[i] /= sum;
    }
}

/* xout (d) = W (d, n) @ x (n). Nearly all of the time is spent here. */
static void matmul(float *xout, const float *x, const float *w, int n, int d) {
    for (int i = 0; i < d; i++) {
        float val = 0.0f;
        for (int j = 0; j < n; j++) {
            val += w[i * n + j] * x[j];
        }
        xout[i] = val;
    }
}

float *forward(Transformer *t, int token, int pos) {
    const Config *p = &t->config;
    const TransformerWeights *w = &t->weights;
    RunState *s = &t->state;
    float *x = s->x;
    int dim = p->dim;
    int head_size = dim / p->n_heads;
    int kv_dim = head_size * p->n_kv_heads;
    int kv_mul = p->n_heads / p->n_kv_heads; /* query heads sharing one kv head */
    int hidden_dim = p->hidden_dim;

    /* The residual stream starts as the token's embedding. */
    memcpy(x, w->token_embedding_table + token * dim, dim * sizeof(*x));

    for (int l = 0; l < p->n_layers; l++) {
        /* ---- attention block: x += Wo · attention(rmsnorm(x)) ---- */
        rmsnorm(s->xb, x, w->rms_att_weight + l * dim, dim);

        /* This position's key and value are written straight into the cache. */
        int loff = l * p->seq_len * kv_dim;
        float *k = s->key_cache + loff + pos * kv_dim;
        float *v = s->value_cache + loff + pos * kv_dim;
        matmul(s->q, s->xb, w->wq + l * dim * dim, dim, dim);
        matmul(k, s->xb, w->wk + l * dim * kv_dim, dim, kv_dim);
        matmul(v, s->xb, w->wv + l * dim * kv_dim, dim, kv_dim);

        /* RoPE: within each head, the pair (v[i], v[i+1]) is a complex number,
         * rotated by the angle pos * 10000^(-i/head_size). Then q·k depends
         * on the positions of q and k only through their difference. Queries
         * and keys are both rotated; the first kv_dim entries exist in both. */
        for (int i = 0; i < dim; i += 2) {
            int head_dim = i % head_size;
            float freq = 1.0f / powf(10000.0f, head_dim / (float)head_size);
            float val = pos * freq;
            float fcr = cosf(val);
            float fci = sinf(val);
            int rotn = i < kv_dim ? 2 : 1;
            for (int r = 0; r < rotn; r++) {
                float *vec = r == 0 ? s->q : k;
                float v0 = vec[i];
                float v1 = vec[i + 1];
                vec[i] = v0 * fcr - v1 * fci;
                vec[i + 1] = v0 * fci + v1 * fcr;
            }
        }

        /* Multi-head attention: for each head, softmax(q·k_t / sqrt(head_size))
         * over the positions t <= pos weighs the values v_t. Query head h
         * reads kv head h / kv_mul (grouped-query attention). */
        for (int h = 0; h < p->n_heads; h++) {
            const float *q = s->q + h * head_size;
            float *att = s->att + h * p->seq_len;
            for (int t_ = 0; t_ <= pos; t_++) {
                const float *kt = s->key_cache + loff + t_ * kv_dim + (h / kv_mul) * head_size;
                float score = 0.0f;
                for (int i = 0; i < head_size; i++) {
                    score += q[i] * kt[i];
                }
                score /= sqrtf(head_size);
                att[t_] = score;
            }
            softmax(att, pos + 1);

            float *xb = s->xb + h * head_size;
            memset(xb, 0, head_size * sizeof(float));
            for (int t_ = 0; t_ <= pos; t_++) {
                const float *vt = s->value_cache + loff + t_ * kv_dim + (h / kv_mul) * head_size;
                float a = att[t_];
                for (int i = 0; i < head_size; i++) {
                    xb[i] += a * vt[i];
                }
            }
        }
        matmul(s->xb2, s->xb, w->wo + l * dim * dim, dim, dim);
        for (int i = 0; i < dim; i++) {
            x[i] += s->xb2[i];
        }

        /* ---- feed-forward block: x += W2 · (silu(W1·xn) * (W3·xn)), xn = rmsnorm(x) ----
         * SwiGLU: silu(a) = a * sigmoid(a) gates the linear branch W3·xn. */
        rmsnorm(s->xb, x, w->rms_ffn_weight + l * dim, dim);
        matmul(s->hb, s->xb, w->w1 + l * dim * hidden_dim, dim, hidden_dim);
        matmul(s->hb2, s->xb, w->w3 + l * dim * hidden_dim, dim, hidden_dim);
        for (int i = 0; i < hidden_dim; i++) {
            float val = s->hb[i];
            val *= (1.0f / (1.0f + expf(-val)));
            val *= s->hb2[i];
            s->hb[i] = val;
        }
        matmul(s->xb, s->hb, w->w2 + l * dim * hidden_dim, hidden_dim, dim);
        for (int i = 0; i < dim; i++) {
            x[i] += s->xb[i];
        }
    }

    /* Final norm, then the classifier gives one logit per vocabulary entry. */
    rmsnorm(x, x, w->rms_final_weight, dim);
    matmul(s->logits, x, w->wcls, p->dim, p->vocab_size);
    return s->logits;
}

/* ------------------------------------------------------------------------- */
/* Tokenizer */

/* The tokenizer file: int32 max_token_length, then per token id a float32
 * score, an int32 byte length and that many bytes (no NUL). SentencePiece's
 * word-start marker is already replaced by a space. */

/* Reads little-endian values from a buffer without alignment assumptions. */
typedef struct {
    const unsigned char *p;
    uint32_t left;
} Reader;

static int read_bytes(Reader *r, void *out, uint32_t n) {
    if (r->left < n) {
        return 0;
    }
    memcpy(out, r->p, n);
    r->p += n;
    r->left -= n;
    return 1;
}

/* Reads one {score, length, bytes} record; the bytes stay in the buffer.
 * Returns 0 if the buffer ends inside the record. */
static int read_piece(Reader *r, float *score, int32_t *len, const unsigned char **bytes) {
    if (!read_bytes(r, score, 4) || !read_bytes(r, len, 4) || *len < 0 || (uint32_t)*len > r->left) {
        return 0;
    }
    *bytes = r->p;
    r->p += *len;
    r->left -= *len;
    return 1;
}

/* Orders pieces by strcmp, ties by id, so every qsort gives the same order. */
static int compare_tokens(const void *a, const void *b) {
    const TokenIndex *ta = a, *tb = b;
    int c = strcmp(ta->str, tb->str);
    return c != 0 ? c : ta->id - tb->id;
}

void build_tokenizer(Tokenizer *t, const char *name, const void *data, uint32_t size, int vocab_size) {
    Reader r = {data, size};
    int32_t max_len;
    if (!read_bytes(&r, &max_len, 4)) {
        bf_fail(BF_EXIT_BAD_TOKENIZER, "%s: %u bytes, too short for its header", name, size);
    }
    if (max_len < 1 || max_len > 65536) {
        bf_fail(BF_EXIT_BAD_TOKENIZER, "%s: max_token_length is %d, expected 1..65536", name, max_len);
    }
    t->vocab_size = vocab_size;
    t->max_token_length = max_len;
    for (int i = 0; i < 256; i++) {
        t->byte_pieces[i * 2] = (unsigned char)i;
        t->byte_pieces[i * 2 + 1] = '\0';
    }
    t->vocab = alloc_zeroed(vocab_size, sizeof(char *), "tokenizer");
    t->vocab_scores = alloc_zeroed(vocab_size, sizeof(float), "tokenizer");
    t->sorted_vocab = alloc_zeroed(vocab_size, sizeof(TokenIndex), "tokenizer");
    /* The pieces and their NULs need fewer bytes than the file plus one per piece. */
    t->piece_bytes = alloc_zeroed((uint64_t)size + vocab_size, 1, "tokenizer");

    char *store = t->piece_bytes;
    for (int i = 0; i < vocab_size; i++) {
        int32_t len;
        const unsigned char *bytes;
        if (r.left == 0) {
            bf_fail(BF_EXIT_BAD_TOKENIZER,
                    "%s has %d pieces but the model's vocabulary has %d: tokenizer of another model?",
                    name, i, vocab_size);
        }
        if (!read_piece(&r, &t->vocab_scores[i], &len, &bytes)) {
            bf_fail(BF_EXIT_BAD_TOKENIZER, "%s: truncated or corrupt at piece %d of %d",
                    name, i, vocab_size);
        }
        if (len > max_len) {
            bf_fail(BF_EXIT_BAD_TOKENIZER, "%s: piece %d is %d bytes, longer than max_token_length %d",
                    name, i, len, max_len);
        }
        memcpy(store, bytes, len);
        store[len] = '\0';
        t->vocab[i] = store;
        store += len + 1;
    }
    if (r.left != 0) {
        /* Count what follows, to tell a bigger vocabulary from trailing junk. */
        int extra = 0;
        float score;
        int32_t len;
        const unsigned char *bytes;
        while (r.left != 0 && read_piece(&r, &score, &len, &bytes)) {
            extra++;
        }
        if (r.left == 0) {
            bf_fail(BF_EXIT_BAD_TOKENIZER,
                    "%s has %d pieces but the model's vocabulary has %d: tokenizer of another model?",
                    name, vocab_size + extra, vocab_size);
        }
        bf_fail(BF_EXIT_BAD_TOKENIZER, "%s: unexpected bytes after its %d pieces", name, vocab_size);
    }

    /* Encoding looks pieces up by text: sort them once for binary search. */
    for (int i = 0; i < vocab_size; i++) {
        t->sorted_vocab[i].str = t->vocab[i];
        t->sorted_vocab[i].id = i;
    }
    qsort(t->sorted_vocab, vocab_size, sizeof(TokenIndex), compare_tokens);
}

void free_tokenizer(Tokenizer *t) {
    free(t->vocab);
    free(t->vocab_scores);
    free(t->sorted_vocab);
    free(t->piece_bytes);
}

/* The id of the piece spelled `str`, or -1. Binary search over sorted_vocab
 * for the first match (the lowest id if a piece occurs twice). */
static int str_lookup(const char *str, const Tokenizer *t) {
    int lo = 0, hi = t->vocab_size; /* the answer is in [lo, hi) */
    while (lo < hi) {
        int mid = lo + (hi - lo) / 2;
        if (strcmp(t->sorted_vocab[mid].str, str) < 0) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return lo < t->vocab_size && strcmp(t->sorted_vocab[lo].str, str) == 0 ? t->sorted_vocab[lo].id : -1;
}

/* Appends the pieces of the UTF-8 character (or lone byte) `str` to tokens:
 * its own piece if the vocabulary has one, else one byte-fallback token per
 * byte (ids 3..258 are the pieces <0x00>..<0xFF>). */
static void push_char(const Tokenizer *t, const char *str, int *tokens, int *n_tokens) {
    int id = str_lookup(str, t);
    if (id != -1) {
        tokens[(*n_tokens)++] = id;
        return;
    }
    for (const char *c = str; *c != '\0'; c++) {
        int byte_id = (unsigned char)*c + 3;
        if (byte_id >= t->vocab_size) {
            bf_fail(BF_EXIT_BAD_PROMPT, "prompt: byte 0x%02x has no piece in the tokenizer",
                    (unsigned char)*c);
        }
        tokens[(*n_tokens)++] = byte_id;
    }
}

/* Byte-pair encoding as SentencePiece (and run.c) does it: start from one
 * piece per character, then repeatedly merge the adjacent pair whose
 * concatenation is the vocabulary piece with the highest score. */
void encode(Tokenizer *t, const char *text, int bos, int eos, int *tokens, int *n_tokens) {
    /* Room for two pieces joined, or for one UTF-8 character of up to 4 bytes. */
    char *str_buffer = alloc_zeroed((uint64_t)t->max_token_length * 2 + 1 + 2, 1, "encoding");
    size_t str_len = 0;

    *n_tokens = 0;
    if (bos) {
        tokens[(*n_tokens)++] = 1;
    }
    /* SentencePiece's add_dummy_prefix: a non-empty text gets a leading space,
     * so that its first word is encoded like any word after a space. */
    if (text[0] != '\0') {
        push_char(t, " ", tokens, n_tokens);
    }

    /* Split the text into UTF-8 characters: a byte of the form 10xxxxxx
     * continues the current character, any other byte starts a new one. */
    for (const char *c = text; *c != '\0'; c++) {
        if ((*c & 0xC0) != 0x80) {
            str_len = 0;
        }
        str_buffer[str_len++] = *c;
        str_buffer[str_len] = '\0';
        /* Keep collecting while continuation bytes follow (at most 4 bytes). */
        if ((*(c + 1) & 0xC0) == 0x80 && str_len < 4) {
            continue;
        }
        push_char(t, str_buffer, tokens, n_tokens);
        str_len = 0;
    }

    /* Merge the best-scoring adjacent pair until no pair forms a piece. */
    for (;;) {
        float best_score = -1e10;
        int best_id = -1;
        int best_idx = -1;
        for (int i = 0; i < *n_tokens - 1; i++) {
            size_t len0 = strlen(t->vocab[tokens[i]]);
            size_t len1 = strlen(t->vocab[tokens[i + 1]]);
            memcpy(str_buffer, t->vocab[tokens[i]], len0);
            memcpy(str_buffer + len0, t->vocab[tokens[i + 1]], len1 + 1);
            int id = str_lookup(str_buffer, t);
            if (id != -1 && t->vocab_scores[id] > best_score) {
                best_score = t->vocab_scores[id];
                best_id = id;
                best_idx = i;
            }
        }
        if (best_idx == -1) {
            break;
        }
        tokens[best_idx] = best_id;
        for (int i = best_idx + 1; i < *n_tokens - 1; i++) {
            tokens[i] = tokens[i + 1];
        }
        (*n_tokens)--;
    }

    if (eos) {
        tokens[(*n_tokens)++] = 2;
    }
    free(str_buffer);
}

static int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

const char *decode(Tokenizer *t, int prev_token, int token) {
    const char *piece = t->vocab[token];
    /* After BOS (1), SentencePiece's decoder drops the leading space. */
    if (prev_token == 1 && piece[0] == ' ') {
        piece++;
    }
    /* Byte-fallback pieces are spelled "<0xXX>": they stand for that raw
     * byte. (Like run.c's sscanf "<0x%02hhX>", this also takes a single hex
     * digit and does not check what follows.) */
    if (strncmp(piece, "<0x", 3) == 0 && hex_digit(piece[3]) >= 0) {
        int byte_val = hex_digit(piece[3]);
        if (hex_digit(piece[4]) >= 0) {
            byte_val = byte_val * 16 + hex_digit(piece[4]);
        }
        piece = (const char *)t->byte_pieces + byte_val * 2;
    }
    return piece;
}

void safe_printf(const char *piece) {
    if (piece[0] == '\0') {
        return;
    }
    /* A lone byte must be printable or white space (as isprint/isspace in the
     * C locale): raw control codes are skipped. Multi-byte pieces print as is. */
    if (piece[1] == '\0') {
        unsigned char b = piece[0];
        int printable = b >= 0x20 && b <= 0x7E;
        int space = b == ' ' || (b >= '\t' && b <= '\r');
        if (!printable && !space) {
            return;
        }
    }
    printf("%s", piece);
}

/* ------------------------------------------------------------------------- */
/* Sampler: turns logits into the next token id */

void build_sampler(Sampler *s, int vocab_size, float temperature, float topp, unsigned long long rng_seed) {
    s->vocab_size = vocab_size;
    s->temperature = temperature;
    s->topp = topp;
    s->rng_state = rng_seed;
    s->probindex = alloc_zeroed(vocab_size, sizeof(ProbIndex), "sampler");
}

void free_sampler(Sampler *s) {
    free(s->probindex);
}

/* xorshift* (Marsaglia; Vigna's multiplier): the top 32 bits of the state
 * after three shift-xor steps, times a constant. The state must not be 0. */
static unsigned int random_u32(unsigned long long *state) {
    *state ^= *state >> 12;
    *state ^= *state << 25;
    *state ^= *state >> 27;
    return (*state * 0x2545F4914F6CDD1Dull) >> 32;
}

/* A float in [0, 1) from the top 24 bits: exactly representable. */
static float random_f32(unsigned long long *state) {
    return (random_u32(state) >> 8) / 16777216.0f;
}

/* The index of the largest value; the lowest index wins a tie. */
static int sample_argmax(const float *probabilities, int n) {
    int max_i = 0;
    float max_p = probabilities[0];
    for (int i = 1; i < n; i++) {
        if (probabilities[i] > max_p) {
            max_i = i;
            max_p = probabilities[i];
        }
    }
    return max_i;
}

/* Samples from a distribution: the first index where the running sum
 * (the CDF) exceeds coin, a uniform number in [0, 1). */
static int sample_mult(const float *probabilities, int n, float coin) {
    float cdf = 0.0f;
    for (int i = 0; i < n; i++) {
        cdf += probabilities[i];
        if (coin < cdf) {
            return i;
        }
    }
    return n - 1; /* in case of rounding errors */
}

/* Descending probability; equal probabilities by ascending index, which is
 * what glibc's stable qsort gives run.c, whatever qsort we link with. */
static int compare_prob(const void *a, const void *b) {
    const ProbIndex *pa = a, *pb = b;
    if (pa->prob > pb->prob) return -1;
    if (pa->prob < pb->prob) return 1;
    return pa->index - pb->index;
}

/* Top-p ("nucleus") sampling: sample from the smallest set of most likely
 * tokens whose probabilities add up to more than topp, renormalised. */
static int sample_topp(const float *probabilities, int n, float topp, ProbIndex *probindex, float coin) {
    /* A token below (1 - topp) / (n - 1) can never be part of the nucleus
     * (if it were, all n - 1 others would have to sum to less than topp...),
     * so drop such tokens before sorting: far fewer to sort. */
    int n0 = 0;
    const float cutoff = (1.0f - topp) / (n - 1);
    for (int i = 0; i < n; i++) {
        if (probabilities[i] >= cutoff) {
            probindex[n0].index = i;
            probindex[n0].prob = probabilities[i];
            n0++;
        }
    }
    qsort(probindex, n0, sizeof(ProbIndex), compare_prob);

    /* Keep the most likely tokens until their sum exceeds topp. */
    float cumulative_prob = 0.0f;
    int last_idx = n0 - 1; /* if rounding errors keep the sum <= topp, keep all */
    for (int i = 0; i < n0; i++) {
        cumulative_prob += probindex[i].prob;
        if (cumulative_prob > topp) {
            last_idx = i;
            break;
        }
    }

    /* Sample from that truncated distribution: scale the coin to its mass. */
    float r = coin * cumulative_prob;
    float cdf = 0.0f;
    for (int i = 0; i <= last_idx; i++) {
        cdf += probindex[i].prob;
        if (r < cdf) {
            return probindex[i].index;
        }
    }
    return probindex[last_idx].index; /* in case of rounding errors */
}

int sample(Sampler *s, float *logits) {
    if (s->temperature == 0.0f) {
        return sample_argmax(logits, s->vocab_size); /* greedy */
    }
    /* Temperature scales the logits: below 1 sharpens the distribution,
     * above 1 flattens it. Softmax turns them into probabilities. */
    for (int q = 0; q < s->vocab_size; q++) {
        logits[q] /= s->temperature;
    }
    softmax(logits, s->vocab_size);
    /* The coin is drawn even when top-p does not apply, as run.c does. */
    float coin = random_f32(&s->rng_state);
    if (s->topp <= 0 || s->topp >= 1) {
        return sample_mult(logits, s->vocab_size, coin);
    }
    return sample_topp(logits, s->vocab_size, s->topp, s->probindex, coin);
}
