/* x86-32 instruction encoder (see x86.h). Each form is a few bytes: an
 * optional prefix, the opcode, a ModRM byte naming a register and either
 * another register or a memory operand (with a SIB byte and displacement
 * when the addressing needs them), then any immediate. */
#include "x86.h"

void x86_byte(X86 *a, uint8_t b) {
    if (a->len == a->cap) {
        uint32_t cap = a->cap ? a->cap * 2 : 256;
        uint8_t *p = a->grow ? a->grow(a->ctx, a->code, cap) : 0;
        if (!p) { a->oom = 1; a->len = 0; return; }   /* keep going harmlessly; the caller checks oom */
        a->code = p; a->cap = cap;
    }
    a->code[a->len++] = b;
}

static void note_field(X86 *a) {
    if (!a->grow) return;
    if (a->nfields == a->capfields) {
        uint32_t cap = a->capfields ? a->capfields * 2 : 64;
        uint32_t *p = a->grow(a->ctx, a->fields, cap * (uint32_t)sizeof *p);
        if (!p) { a->oom = 1; return; }
        a->fields = p; a->capfields = cap;
    }
    a->fields[a->nfields++] = a->len;
}

void x86_imm32(X86 *a, uint32_t v) {
    a->last_imm = a->len;
    note_field(a);
    for (int i = 0; i < 4; i++) x86_byte(a, (uint8_t)(v >> (8 * i)));
}
static void imm16(X86 *a, uint16_t v) { x86_byte(a, (uint8_t)v); x86_byte(a, (uint8_t)(v >> 8)); }
static int fits8(int32_t v) { return v >= -128 && v <= 127; }

/* ModRM with a register operand: mod 11 */
static void modrm_rr(X86 *a, int reg, int rm) { x86_byte(a, (uint8_t)(0xc0 | (reg & 7) << 3 | (rm & 7))); }

/* ModRM (+ SIB + displacement) for a memory operand. EBP as a base needs a
 * displacement even when it is 0 (mod 00 + rm 101 means "absolute"); ESP as
 * a base needs a SIB byte (rm 100 means "SIB follows"). */
static void modrm_m(X86 *a, int reg, Mem m) {
    reg &= 7;
    if (m.base == NOREG && m.index == NOREG) {                 /* [disp32] */
        x86_byte(a, (uint8_t)(reg << 3 | 5));
        x86_imm32(a, (uint32_t)m.disp);
        return;
    }
    int ss = m.scale == 8 ? 3 : m.scale == 4 ? 2 : m.scale == 2 ? 1 : 0;
    if (m.base == NOREG) {                                      /* [index*scale + disp32] */
        x86_byte(a, (uint8_t)(reg << 3 | 4));
        x86_byte(a, (uint8_t)(ss << 6 | (m.index & 7) << 3 | 5));
        x86_imm32(a, (uint32_t)m.disp);
        return;
    }
    int mod = m.disp == 0 && m.base != EBP ? 0 : fits8(m.disp) ? 1 : 2;
    if (m.index != NOREG || m.base == ESP) {
        int index = m.index == NOREG ? 4 : m.index;             /* index 100 = none */
        x86_byte(a, (uint8_t)(mod << 6 | reg << 3 | 4));
        x86_byte(a, (uint8_t)(ss << 6 | (index & 7) << 3 | (m.base & 7)));
    } else {
        x86_byte(a, (uint8_t)(mod << 6 | reg << 3 | (m.base & 7)));
    }
    if (mod == 1) x86_byte(a, (uint8_t)m.disp);
    else if (mod == 2) x86_imm32(a, (uint32_t)m.disp);
}

/* register r gets a new value */
static void wrote(X86 *a, Reg r) { a->written |= (uint8_t)(1u << r); }

static void op_rr(X86 *a, uint8_t op, int reg, int rm) { x86_byte(a, op); modrm_rr(a, reg, rm); }
static void op_m(X86 *a, uint8_t op, int reg, Mem m) { x86_byte(a, op); modrm_m(a, reg, m); }
static void op2_rr(X86 *a, uint8_t op, int reg, int rm) { x86_byte(a, 0x0f); op_rr(a, op, reg, rm); }
static void op2_m(X86 *a, uint8_t op, int reg, Mem m) { x86_byte(a, 0x0f); op_m(a, op, reg, m); }

/* ---- moves ------------------------------------------------------------ */
void x86_mov_rr(X86 *a, Reg d, Reg s) { if (d != s) { op_rr(a, 0x89, s, d); wrote(a, d); } }
void x86_mov_ri(X86 *a, Reg d, uint32_t imm) {
    wrote(a, d);
    if (imm == 0) { op_rr(a, 0x31, d, d); return; }            /* xor r, r: shorter (clobbers flags) */
    x86_byte(a, (uint8_t)(0xb8 + d)); x86_imm32(a, imm);
}
/* EAX has one-byte-shorter forms for an absolute address (A1/A3) */
static int absolute(Mem m) { return m.base == NOREG && m.index == NOREG; }
void x86_mov_rm(X86 *a, Reg d, Mem m) {
    wrote(a, d);
    if (d == EAX && absolute(m)) { x86_byte(a, 0xa1); x86_imm32(a, (uint32_t)m.disp); return; }
    op_m(a, 0x8b, d, m);
}
void x86_mov_mr(X86 *a, Mem m, Reg s) {
    if (s == EAX && absolute(m)) { x86_byte(a, 0xa3); x86_imm32(a, (uint32_t)m.disp); return; }
    op_m(a, 0x89, s, m);
}
void x86_mov_mi(X86 *a, Mem m, uint32_t imm) { op_m(a, 0xc7, 0, m); x86_imm32(a, imm); }
void x86_mov8_mi(X86 *a, Mem m, uint8_t imm) { op_m(a, 0xc6, 0, m); x86_byte(a, imm); }
void x86_mov16_mi(X86 *a, Mem m, uint16_t imm) { x86_byte(a, 0x66); op_m(a, 0xc7, 0, m); imm16(a, imm); }
void x86_store8(X86 *a, Mem m, Reg s) { op_m(a, 0x88, s, m); }
void x86_store16(X86 *a, Mem m, Reg s) { x86_byte(a, 0x66); op_m(a, 0x89, s, m); }
void x86_load8(X86 *a, Reg d, Mem m, int sign) { wrote(a, d); op2_m(a, sign ? 0xbe : 0xb6, d, m); }
void x86_load16(X86 *a, Reg d, Mem m, int sign) { wrote(a, d); op2_m(a, sign ? 0xbf : 0xb7, d, m); }
void x86_ext8(X86 *a, Reg d, Reg s, int sign) { wrote(a, d); op2_rr(a, sign ? 0xbe : 0xb6, d, s); }
void x86_ext16(X86 *a, Reg d, Reg s, int sign) { wrote(a, d); op2_rr(a, sign ? 0xbf : 0xb7, d, s); }
void x86_lea(X86 *a, Reg d, Mem m) { wrote(a, d); op_m(a, 0x8d, d, m); }

/* ---- integer arithmetic ---------------------------------------------- */
void x86_alu_rr(X86 *a, Alu op, Reg d, Reg s) { if (op != ALU_CMP) wrote(a, d); op_rr(a, (uint8_t)(op << 3 | 1), s, d); }
void x86_alu_rm(X86 *a, Alu op, Reg d, Mem m) { if (op != ALU_CMP) wrote(a, d); op_m(a, (uint8_t)(op << 3 | 3), d, m); }
void x86_alu_ri(X86 *a, Alu op, Reg d, uint32_t imm) {
    if (op != ALU_CMP) wrote(a, d);
    if (fits8((int32_t)imm)) { op_rr(a, 0x83, op, d); x86_byte(a, (uint8_t)imm); }
    else if (d == EAX) { x86_byte(a, (uint8_t)(op << 3 | 5)); x86_imm32(a, imm); }   /* op eax, imm32 */
    else { op_rr(a, 0x81, op, d); x86_imm32(a, imm); }
}
void x86_alu_mi(X86 *a, Alu op, Mem m, uint32_t imm) {
    if (fits8((int32_t)imm)) { op_m(a, 0x83, op, m); x86_byte(a, (uint8_t)imm); }
    else { op_m(a, 0x81, op, m); x86_imm32(a, imm); }
}
void x86_test_rr(X86 *a, Reg x, Reg y) { op_rr(a, 0x85, y, x); }
void x86_unary(X86 *a, Unary op, Reg r) {
    if (op >= UN_MUL) { wrote(a, EAX); wrote(a, EDX); } else wrote(a, r);
    op_rr(a, 0xf7, op, r); }
void x86_imul_rr(X86 *a, Reg d, Reg s) { wrote(a, d); op2_rr(a, 0xaf, d, s); }
void x86_imul_rri(X86 *a, Reg d, Reg s, int32_t imm) {
    wrote(a, d);
    if (fits8(imm)) { op_rr(a, 0x6b, d, s); x86_byte(a, (uint8_t)imm); }
    else { op_rr(a, 0x69, d, s); x86_imm32(a, (uint32_t)imm); }
}
void x86_shift_cl(X86 *a, Shift op, Reg r) { wrote(a, r); op_rr(a, 0xd3, op, r); }
void x86_shift_ri(X86 *a, Shift op, Reg r, uint8_t n) { wrote(a, r); op_rr(a, 0xc1, op, r); x86_byte(a, n); }
void x86_shld_cl(X86 *a, Reg d, Reg s) { wrote(a, d); op2_rr(a, 0xa5, s, d); }
void x86_shrd_cl(X86 *a, Reg d, Reg s) { wrote(a, d); op2_rr(a, 0xad, s, d); }
void x86_cdq(X86 *a) { wrote(a, EDX); x86_byte(a, 0x99); }
void x86_setcc(X86 *a, Cond c, Reg r) { wrote(a, r); op2_rr(a, (uint8_t)(0x90 | c), 0, r); }
void x86_cmov(X86 *a, Cond c, Reg d, Reg s) { wrote(a, d); op2_rr(a, (uint8_t)(0x40 | c), d, s); }
void x86_push_r(X86 *a, Reg r) { x86_byte(a, (uint8_t)(0x50 + r)); }
void x86_pop_r(X86 *a, Reg r) { wrote(a, r); x86_byte(a, (uint8_t)(0x58 + r)); }
void x86_push_i(X86 *a, uint32_t imm) {
    if (fits8((int32_t)imm)) { x86_byte(a, 0x6a); x86_byte(a, (uint8_t)imm); }
    else { x86_byte(a, 0x68); x86_imm32(a, imm); }
}

/* ---- control flow ----------------------------------------------------- */
/* Branches always take a rel32: the code is emitted in one pass and a short
 * form would need relaxation. The fixup is the offset of the rel32 field. */
Fixup x86_jcc(X86 *a, Cond c) { x86_byte(a, 0x0f); x86_byte(a, (uint8_t)(0x80 | c)); x86_imm32(a, 0); return a->len - 4; }
Fixup x86_jmp(X86 *a) { x86_byte(a, 0xe9); x86_imm32(a, 0); return a->len - 4; }
void x86_patch(X86 *a, Fixup f, uint32_t target) {
    if (target == a->len) a->label = target;
    if (a->oom) return;
    uint32_t rel = target - (f + 4);
    for (int i = 0; i < 4; i++) a->code[f + i] = (uint8_t)(rel >> (8 * i));
}
void x86_jcc_to(X86 *a, Cond c, uint32_t target) { x86_patch(a, x86_jcc(a, c), target); }
void x86_jmp_to(X86 *a, uint32_t target) { x86_patch(a, x86_jmp(a), target); }
void x86_call_abs(X86 *a, uint32_t addr) { x86_mov_ri(a, EAX, addr); x86_call_r(a, EAX); }
void x86_call_m(X86 *a, Mem m) { wrote(a, EAX); wrote(a, ECX); wrote(a, EDX); op_m(a, 0xff, 2, m); }
void x86_call_r(X86 *a, Reg r) { wrote(a, EAX); wrote(a, ECX); wrote(a, EDX); op_rr(a, 0xff, 2, r); }
void x86_jmp_r(X86 *a, Reg r) { op_rr(a, 0xff, 4, r); }
void x86_ret(X86 *a) { x86_byte(a, 0xc3); }
void x86_ud2(X86 *a) { x86_byte(a, 0x0f); x86_byte(a, 0x0b); }

/* ---- SSE / SSE2 -------------------------------------------------------- */
void x86_movs_rm(X86 *a, Prec p, Xmm d, Mem m) { x86_byte(a, (uint8_t)p); op2_m(a, 0x10, d, m); }
void x86_movs_mr(X86 *a, Prec p, Mem m, Xmm s) { x86_byte(a, (uint8_t)p); op2_m(a, 0x11, s, m); }
void x86_movs_rr(X86 *a, Prec p, Xmm d, Xmm s) { if (d != s) { x86_byte(a, (uint8_t)p); op2_rr(a, 0x10, d, s); } }
void x86_sse_rr(X86 *a, Prec p, SseOp op, Xmm d, Xmm s) { x86_byte(a, (uint8_t)p); op2_rr(a, (uint8_t)op, d, s); }
void x86_sse_rm(X86 *a, Prec p, SseOp op, Xmm d, Mem m) { x86_byte(a, (uint8_t)p); op2_m(a, (uint8_t)op, d, m); }
void x86_ucomis_rr(X86 *a, Prec p, Xmm x, Xmm y) { if (p == SD) x86_byte(a, 0x66); op2_rr(a, 0x2e, x, y); }
void x86_cvtsi2s(X86 *a, Prec p, Xmm d, Reg s) { x86_byte(a, (uint8_t)p); op2_rr(a, 0x2a, d, s); }
void x86_cvtts2si(X86 *a, Prec p, Reg d, Xmm s) { wrote(a, d); x86_byte(a, (uint8_t)p); op2_rr(a, 0x2c, d, s); }
void x86_cvts2s(X86 *a, Prec from, Xmm d, Xmm s) { x86_byte(a, (uint8_t)from); op2_rr(a, 0x5a, d, s); }
void x86_logic_ps(X86 *a, PsLogic op, Xmm d, Xmm s) { op2_rr(a, (uint8_t)op, d, s); }
void x86_movd_xr(X86 *a, Xmm d, Reg s) { x86_byte(a, 0x66); op2_rr(a, 0x6e, d, s); }
void x86_movd_rx(X86 *a, Reg d, Xmm s) { wrote(a, d); x86_byte(a, 0x66); op2_rr(a, 0x7e, s, d); }
void x86_movups_rm(X86 *a, Xmm d, Mem m) { op2_m(a, 0x10, d, m); }
void x86_movups_mr(X86 *a, Mem m, Xmm s) { op2_m(a, 0x11, s, m); }
void x86_ps_rr(X86 *a, SseOp op, Xmm d, Xmm s) { op2_rr(a, (uint8_t)op, d, s); }
void x86_movaps_rr(X86 *a, Xmm d, Xmm s) { if (d != s) op2_rr(a, 0x28, d, s); }
void x86_shufps(X86 *a, Xmm d, Xmm s, uint8_t lanes) { op2_rr(a, 0xc6, d, s); x86_byte(a, lanes); }
void x86_pd_rr(X86 *a, SseOp op, Xmm d, Xmm s) { x86_byte(a, 0x66); op2_rr(a, (uint8_t)op, d, s); }
void x86_shufpd(X86 *a, Xmm d, Xmm s, uint8_t lanes) { x86_byte(a, 0x66); op2_rr(a, 0xc6, d, s); x86_byte(a, lanes); }
void x86_pi_rr(X86 *a, PackedInt op, Xmm d, Xmm s) { x86_byte(a, 0x66); op2_rr(a, (uint8_t)op, d, s); }
void x86_pshufd(X86 *a, Xmm d, Xmm s, uint8_t lanes) { x86_byte(a, 0x66); op2_rr(a, 0x70, d, s); x86_byte(a, lanes); }
void x86_pshift_ri(X86 *a, PackedShift op, Xmm r, uint8_t n) { x86_byte(a, 0x66); op2_rr(a, 0x72, op, r); x86_byte(a, n); }

/* ---- x87 (cdecl returns float/double in ST0) --------------------------- */
void x86_fld_m(X86 *a, Prec p, Mem m) { op_m(a, p == SS ? 0xd9 : 0xdd, 0, m); }
void x86_fstp_m(X86 *a, Prec p, Mem m) { op_m(a, p == SS ? 0xd9 : 0xdd, 3, m); }
