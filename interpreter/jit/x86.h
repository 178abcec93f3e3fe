/* x86-32 instruction encoder for the JIT: one function per instruction form,
 * bytes appended to a growable buffer. Freestanding (the engine's allocator
 * hands out the buffer); no knowledge of the IR. Naming follows Intel syntax:
 * the destination comes first. Every absolute 32-bit operand an emitter
 * writes is reachable through `x86_last_imm` so it can be recorded as a
 * relocation (phase 4 reloads code at another address). */
#ifndef BF_X86_H
#define BF_X86_H
#include <stdint.h>

typedef enum { EAX, ECX, EDX, EBX, ESP, EBP, ESI, EDI, NOREG = -1 } Reg;
typedef enum { XMM0, XMM1, XMM2, XMM3, XMM4, XMM5, XMM6, XMM7 } Xmm;

/* condition codes, as in Jcc/SETcc/CMOVcc (the low nibble of 0F 8x) */
typedef enum { CC_O, CC_NO, CC_B, CC_AE, CC_E, CC_NE, CC_BE, CC_A,
               CC_S, CC_NS, CC_P, CC_NP, CC_L, CC_GE, CC_LE, CC_G } Cond;

/* the eight two-operand integer ALU operations, numbered as in their opcodes */
typedef enum { ALU_ADD, ALU_OR, ALU_ADC, ALU_SBB, ALU_AND, ALU_SUB, ALU_XOR, ALU_CMP } Alu;
/* group-3 unary operations (F7 /n) */
typedef enum { UN_NOT = 2, UN_NEG = 3, UN_MUL = 4, UN_IMUL = 5, UN_DIV = 6, UN_IDIV = 7 } Unary;
/* group-2 shifts (D3 /n, C1 /n) */
typedef enum { SH_ROL = 0, SH_ROR = 1, SH_SHL = 4, SH_SHR = 5, SH_SAR = 7 } Shift;

/* scalar SSE arithmetic: the second opcode byte (F3 0F xx single, F2 0F xx double) */
typedef enum { SSE_SQRT = 0x51, SSE_ADD = 0x58, SSE_MUL = 0x59, SSE_SUB = 0x5c,
               SSE_MIN = 0x5d, SSE_DIV = 0x5e, SSE_MAX = 0x5f } SseOp;
typedef enum { PS_AND = 0x54, PS_ANDN = 0x55, PS_OR = 0x56, PS_XOR = 0x57 } PsLogic;
typedef enum { SS = 0xf3, SD = 0xf2 } Prec;     /* scalar single / double: the prefix byte */
/* SSE2 packed-integer operations (66 0F xx): 32-bit lanes but pmuludq (lanes 0 and 2 to 64-bit
   products) and punpckldq (interleaves the low two lanes of d and s) */
typedef enum { PI_UNPCKLDQ = 0x62, PI_PAND = 0xdb, PI_POR = 0xeb, PI_PXOR = 0xef,
               PI_PMULUDQ = 0xf4, PI_PSUBD = 0xfa, PI_PADDD = 0xfe } PackedInt;
/* packed shifts of 32-bit lanes by an immediate (66 0F 72 /n ib) */
typedef enum { PSH_SRL = 2, PSH_SRA = 4, PSH_SLL = 6 } PackedShift;

/* a memory operand: [base + index*scale + disp]; base NOREG = absolute disp */
typedef struct Mem { Reg base, index; uint8_t scale; int32_t disp; } Mem;
static inline Mem M(Reg base, int32_t disp) { Mem m = { base, NOREG, 1, disp }; return m; }
static inline Mem MX(Reg base, Reg index, uint8_t scale, int32_t disp) { Mem m = { base, index, scale, disp }; return m; }
static inline Mem MABS(uint32_t addr) { Mem m = { NOREG, NOREG, 1, (int32_t)addr }; return m; }

typedef struct X86 {
    uint8_t *code; uint32_t len, cap;
    uint32_t last_imm;            /* offset of the last 32-bit immediate/displacement written */
    uint32_t *fields, nfields, capfields;  /* offsets of every 32-bit immediate/displacement: the only places an address can hide (persist.c checks them) */
    int oom;                      /* the buffer could not grow: the code is incomplete */
    uint32_t label;               /* the latest code offset a jump lands on (an instruction there may not rely on the one before) */
    uint8_t written;              /* general registers written since the caller last cleared it (a mask of 1 << Reg; a call writes EAX, ECX, EDX) */
    void *(*grow)(void *ctx, void *old, uint32_t size);
    void *ctx;
} X86;

/* a forward branch whose rel32 is patched once its target is known */
typedef uint32_t Fixup;

void x86_byte(X86 *a, uint8_t b);
void x86_imm32(X86 *a, uint32_t v);

void x86_mov_rr(X86 *a, Reg d, Reg s);
void x86_mov_ri(X86 *a, Reg d, uint32_t imm);
void x86_mov_rm(X86 *a, Reg d, Mem m);                   /* 32-bit load */
void x86_mov_mr(X86 *a, Mem m, Reg s);                   /* 32-bit store */
void x86_mov_mi(X86 *a, Mem m, uint32_t imm);
void x86_mov8_mi(X86 *a, Mem m, uint8_t imm);
void x86_mov16_mi(X86 *a, Mem m, uint16_t imm);
void x86_store8(X86 *a, Mem m, Reg s);                   /* s must be EAX..EBX */
void x86_store16(X86 *a, Mem m, Reg s);
void x86_load8(X86 *a, Reg d, Mem m, int sign);          /* movzx/movsx */
void x86_load16(X86 *a, Reg d, Mem m, int sign);
void x86_ext8(X86 *a, Reg d, Reg s, int sign);           /* movzx/movsx r32, r8 (s EAX..EBX) */
void x86_ext16(X86 *a, Reg d, Reg s, int sign);
void x86_lea(X86 *a, Reg d, Mem m);

void x86_alu_rr(X86 *a, Alu op, Reg d, Reg s);
void x86_alu_ri(X86 *a, Alu op, Reg d, uint32_t imm);
void x86_alu_rm(X86 *a, Alu op, Reg d, Mem m);
void x86_alu_mi(X86 *a, Alu op, Mem m, uint32_t imm);
void x86_test_rr(X86 *a, Reg x, Reg y);
void x86_unary(X86 *a, Unary op, Reg r);
void x86_imul_rr(X86 *a, Reg d, Reg s);
void x86_imul_rri(X86 *a, Reg d, Reg s, int32_t imm);
void x86_shift_cl(X86 *a, Shift op, Reg r);
void x86_shift_ri(X86 *a, Shift op, Reg r, uint8_t n);
void x86_shld_cl(X86 *a, Reg d, Reg s);                  /* shld d, s, cl */
void x86_shrd_cl(X86 *a, Reg d, Reg s);
void x86_cdq(X86 *a);
void x86_setcc(X86 *a, Cond c, Reg r);                   /* r8 = cond; r must be EAX..EBX */
void x86_cmov(X86 *a, Cond c, Reg d, Reg s);
void x86_push_r(X86 *a, Reg r);
void x86_pop_r(X86 *a, Reg r);
void x86_push_i(X86 *a, uint32_t imm);

Fixup x86_jcc(X86 *a, Cond c);                           /* rel32 to patch */
Fixup x86_jmp(X86 *a);
void x86_patch(X86 *a, Fixup f, uint32_t target);        /* target: a code offset (the end: a label there) */
void x86_jcc_to(X86 *a, Cond c, uint32_t target);        /* backward (known) target */
void x86_jmp_to(X86 *a, uint32_t target);
void x86_call_abs(X86 *a, uint32_t addr);                /* mov eax, addr; call eax (position independent of the code) */
void x86_call_m(X86 *a, Mem m);                          /* call [m] */
void x86_call_r(X86 *a, Reg r);
void x86_jmp_r(X86 *a, Reg r);
void x86_ret(X86 *a);
void x86_ud2(X86 *a);

/* SSE/SSE2 */
void x86_movs_rm(X86 *a, Prec p, Xmm d, Mem m);         /* movss/movsd load */
void x86_movs_mr(X86 *a, Prec p, Mem m, Xmm s);         /* store */
void x86_movs_rr(X86 *a, Prec p, Xmm d, Xmm s);
void x86_sse_rr(X86 *a, Prec p, SseOp op, Xmm d, Xmm s);
void x86_sse_rm(X86 *a, Prec p, SseOp op, Xmm d, Mem m);
void x86_ucomis_rr(X86 *a, Prec p, Xmm x, Xmm y);        /* ucomiss/ucomisd */
void x86_cvtsi2s(X86 *a, Prec p, Xmm d, Reg s);          /* int32 -> float/double */
void x86_cvtts2si(X86 *a, Prec p, Reg d, Xmm s);         /* float/double -> int32, truncating */
void x86_cvts2s(X86 *a, Prec from, Xmm d, Xmm s);        /* cvtss2sd (from SS) / cvtsd2ss (from SD) */
void x86_logic_ps(X86 *a, PsLogic op, Xmm d, Xmm s);     /* andps/andnps/orps/xorps */
void x86_movd_xr(X86 *a, Xmm d, Reg s);
void x86_movd_rx(X86 *a, Reg d, Xmm s);
void x86_movups_rm(X86 *a, Xmm d, Mem m);
void x86_movups_mr(X86 *a, Mem m, Xmm s);
void x86_ps_rr(X86 *a, SseOp op, Xmm d, Xmm s);          /* addps/mulps/... (packed single) */
void x86_movaps_rr(X86 *a, Xmm d, Xmm s);                /* nothing when d == s */
void x86_shufps(X86 *a, Xmm d, Xmm s, uint8_t lanes);    /* lanes: two bits per result lane (0x00: splat lane 0) */
void x86_pd_rr(X86 *a, SseOp op, Xmm d, Xmm s);          /* addpd/mulpd/... (packed double) */
void x86_shufpd(X86 *a, Xmm d, Xmm s, uint8_t lanes);    /* lanes: one bit per result lane */
void x86_pi_rr(X86 *a, PackedInt op, Xmm d, Xmm s);      /* paddd/psubd/pand/... */
void x86_pshufd(X86 *a, Xmm d, Xmm s, uint8_t lanes);    /* d = lanes of s, two bits per result lane */
void x86_pshift_ri(X86 *a, PackedShift op, Xmm r, uint8_t n);    /* pslld/psrld/psrad r, n */

/* x87, only to move cdecl float/double return values through ST0 */
void x86_fld_m(X86 *a, Prec p, Mem m);
void x86_fstp_m(X86 *a, Prec p, Mem m);

#endif
