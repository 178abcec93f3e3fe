/* Prints one line per encoder call: the instruction in Intel syntax, a tab,
 * the bytes our encoder produced. test/engine/jit.test.ts assembles the
 * left column with llvm-mc and compares the bytes. */
#include <stdio.h>
#include <stdlib.h>
#include "../../../interpreter/jit/x86.h"

static void *grow(void *ctx, void *old, uint32_t size) { (void)ctx; return realloc(old, size); }

static void rel_is(X86 *a, int32_t want) {
    int32_t rel = (int32_t)(a->code[a->len - 4] | a->code[a->len - 3] << 8 | a->code[a->len - 2] << 16 | (uint32_t)a->code[a->len - 1] << 24);
    if (rel != want) { printf("rel32 %d, expected %d\n", rel, want); exit(1); }
}

#define T(text, call) do { \
        X86 a = { 0 }; a.grow = grow; \
        call; \
        printf("%s\t", text); \
        for (uint32_t i = 0; i < a.len; i++) printf("%s0x%02x", i ? "," : "", a.code[i]); \
        printf("\n"); free(a.code); \
    } while (0)

int main(void) {
    /* moves, every addressing shape: the EBP and ESP special cases, SIB, absolute */
    T("mov eax, ecx", x86_mov_rr(&a, EAX, ECX));
    T("mov edi, esp", x86_mov_rr(&a, EDI, ESP));
    T("mov esi, 305419896", x86_mov_ri(&a, ESI, 0x12345678));
    T("xor edx, edx", x86_mov_ri(&a, EDX, 0));
    T("mov eax, dword ptr [ebp - 8]", x86_mov_rm(&a, EAX, M(EBP, -8)));
    T("mov eax, dword ptr [ebp]", x86_mov_rm(&a, EAX, M(EBP, 0)));
    T("mov ebx, dword ptr [esp]", x86_mov_rm(&a, EBX, M(ESP, 0)));
    T("mov ebx, dword ptr [esp + 12]", x86_mov_rm(&a, EBX, M(ESP, 12)));
    T("mov ecx, dword ptr [eax]", x86_mov_rm(&a, ECX, M(EAX, 0)));
    T("mov ecx, dword ptr [eax + 1000]", x86_mov_rm(&a, ECX, M(EAX, 1000)));
    T("mov ecx, dword ptr [eax - 129]", x86_mov_rm(&a, ECX, M(EAX, -129)));
    T("mov ecx, dword ptr [eax + 4*edx]", x86_mov_rm(&a, ECX, MX(EAX, EDX, 4, 0)));
    T("mov ecx, dword ptr [ebp + 8*esi + 16]", x86_mov_rm(&a, ECX, MX(EBP, ESI, 8, 16)));
    T("mov ecx, dword ptr [esp + 2*edi + 100000]", x86_mov_rm(&a, ECX, MX(ESP, EDI, 2, 100000)));
    T("mov ecx, dword ptr [8*edi + 64]", x86_mov_rm(&a, ECX, MX(NOREG, EDI, 8, 64)));
    T("mov eax, dword ptr [305419896]", x86_mov_rm(&a, EAX, MABS(0x12345678)));
    T("mov edx, dword ptr [305419896]", x86_mov_rm(&a, EDX, MABS(0x12345678)));
    T("mov dword ptr [305419896], eax", x86_mov_mr(&a, MABS(0x12345678), EAX));
    T("mov dword ptr [305419896], ecx", x86_mov_mr(&a, MABS(0x12345678), ECX));
    T("mov dword ptr [ebp - 12], edi", x86_mov_mr(&a, M(EBP, -12), EDI));
    T("mov dword ptr [esp + 4], 7", x86_mov_mi(&a, M(ESP, 4), 7));
    T("mov byte ptr [ecx], 200", x86_mov8_mi(&a, M(ECX, 0), 200));
    T("mov word ptr [ecx + 2], 4660", x86_mov16_mi(&a, M(ECX, 2), 0x1234));
    T("mov byte ptr [esi + 3], bl", x86_store8(&a, M(ESI, 3), EBX));
    T("mov word ptr [esi], dx", x86_store16(&a, M(ESI, 0), EDX));
    T("movzx eax, byte ptr [ecx]", x86_load8(&a, EAX, M(ECX, 0), 0));
    T("movsx eax, byte ptr [ecx + edx]", x86_load8(&a, EAX, MX(ECX, EDX, 1, 0), 1));
    T("movzx esi, word ptr [ebp - 2]", x86_load16(&a, ESI, M(EBP, -2), 0));
    T("movsx edi, word ptr [eax]", x86_load16(&a, EDI, M(EAX, 0), 1));
    T("movzx eax, cl", x86_ext8(&a, EAX, ECX, 0));
    T("movsx edx, bl", x86_ext8(&a, EDX, EBX, 1));
    T("movzx eax, si", x86_ext16(&a, EAX, ESI, 0));
    T("movsx eax, di", x86_ext16(&a, EAX, EDI, 1));
    T("lea eax, [ecx + 4*edx + 12]", x86_lea(&a, EAX, MX(ECX, EDX, 4, 12)));
    T("lea esp, [ebp - 16]", x86_lea(&a, ESP, M(EBP, -16)));
    /* arithmetic */
    T("add eax, ecx", x86_alu_rr(&a, ALU_ADD, EAX, ECX));
    T("sub edi, esi", x86_alu_rr(&a, ALU_SUB, EDI, ESI));
    T("adc edx, ebx", x86_alu_rr(&a, ALU_ADC, EDX, EBX));
    T("sbb edx, ebx", x86_alu_rr(&a, ALU_SBB, EDX, EBX));
    T("and eax, edx", x86_alu_rr(&a, ALU_AND, EAX, EDX));
    T("or eax, edx", x86_alu_rr(&a, ALU_OR, EAX, EDX));
    T("xor eax, edx", x86_alu_rr(&a, ALU_XOR, EAX, EDX));
    T("cmp eax, edx", x86_alu_rr(&a, ALU_CMP, EAX, EDX));
    T("add esp, 16", x86_alu_ri(&a, ALU_ADD, ESP, 16));
    T("sub esp, 4096", x86_alu_ri(&a, ALU_SUB, ESP, 4096));
    T("cmp ecx, -1", x86_alu_ri(&a, ALU_CMP, ECX, 0xffffffff));
    T("and eax, 2147483648", x86_alu_ri(&a, ALU_AND, EAX, 0x80000000));
    T("and ecx, 2147483648", x86_alu_ri(&a, ALU_AND, ECX, 0x80000000));
    T("cmp eax, 1000", x86_alu_ri(&a, ALU_CMP, EAX, 1000));
    T("add eax, dword ptr [ebp - 4]", x86_alu_rm(&a, ALU_ADD, EAX, M(EBP, -4)));
    T("cmp dword ptr [ebx + 8], 5", x86_alu_mi(&a, ALU_CMP, M(EBX, 8), 5));
    T("add dword ptr [305419896], 100000", x86_alu_mi(&a, ALU_ADD, MABS(0x12345678), 100000));
    T("test eax, ecx", x86_test_rr(&a, EAX, ECX));
    T("neg eax", x86_unary(&a, UN_NEG, EAX));
    T("not esi", x86_unary(&a, UN_NOT, ESI));
    T("mul ecx", x86_unary(&a, UN_MUL, ECX));
    T("imul ecx", x86_unary(&a, UN_IMUL, ECX));
    T("div ebx", x86_unary(&a, UN_DIV, EBX));
    T("idiv edi", x86_unary(&a, UN_IDIV, EDI));
    T("imul eax, ecx", x86_imul_rr(&a, EAX, ECX));
    T("imul eax, ecx, 12", x86_imul_rri(&a, EAX, ECX, 12));
    T("imul edx, esi, 1000", x86_imul_rri(&a, EDX, ESI, 1000));
    T("shl eax, cl", x86_shift_cl(&a, SH_SHL, EAX));
    T("shr edx, cl", x86_shift_cl(&a, SH_SHR, EDX));
    T("sar esi, cl", x86_shift_cl(&a, SH_SAR, ESI));
    T("rol eax, cl", x86_shift_cl(&a, SH_ROL, EAX));
    T("ror eax, cl", x86_shift_cl(&a, SH_ROR, EAX));
    T("shl eax, 3", x86_shift_ri(&a, SH_SHL, EAX, 3));
    T("sar edx, 31", x86_shift_ri(&a, SH_SAR, EDX, 31));
    T("shld edx, eax, cl", x86_shld_cl(&a, EDX, EAX));
    T("shrd eax, edx, cl", x86_shrd_cl(&a, EAX, EDX));
    T("cdq", x86_cdq(&a));
    T("sete al", x86_setcc(&a, CC_E, EAX));
    T("setl cl", x86_setcc(&a, CC_L, ECX));
    T("seta bl", x86_setcc(&a, CC_A, EBX));
    T("setnp dl", x86_setcc(&a, CC_NP, EDX));
    T("cmovne eax, edx", x86_cmov(&a, CC_NE, EAX, EDX));
    T("cmovge esi, edi", x86_cmov(&a, CC_GE, ESI, EDI));
    T("push ebp", x86_push_r(&a, EBP));
    T("push edi", x86_push_r(&a, EDI));
    T("pop ebx", x86_pop_r(&a, EBX));
    T("push 5", x86_push_i(&a, 5));
    T("push 305419896", x86_push_i(&a, 0x12345678));
    /* control flow; branches to a fixed target: the offset is patched */
    T("call eax", x86_call_r(&a, EAX));
    T(".att_syntax; call *0x12345678; .intel_syntax noprefix", x86_call_m(&a, MABS(0x12345678)));
    T("call dword ptr [ebx + 4]", x86_call_m(&a, M(EBX, 4)));
    T("jmp eax", x86_jmp_r(&a, EAX));
    T("ret", x86_ret(&a));
    T("ud2", x86_ud2(&a));
    /* branches: llvm-mc leaves the rel32 of a jump to a label as a fixup (bytes
     * shown as A); the displacement is checked here: target - end of instruction */
    T("{disp32} jmp L", x86_patch(&a, x86_jmp(&a), 256); rel_is(&a, 256 - 5));
    T("{disp32} jne L", x86_patch(&a, x86_jcc(&a, CC_NE), 100); rel_is(&a, 100 - 6));
    T("{disp32} jl L", x86_jcc_to(&a, CC_L, (uint32_t)-10); rel_is(&a, -10 - 6));
    /* SSE */
    T("movss xmm1, dword ptr [ebp - 8]", x86_movs_rm(&a, SS, XMM1, M(EBP, -8)));
    T("movsd xmm7, qword ptr [esp + 16]", x86_movs_rm(&a, SD, XMM7, M(ESP, 16)));
    T("movss dword ptr [eax], xmm0", x86_movs_mr(&a, SS, M(EAX, 0), XMM0));
    T("movsd qword ptr [ecx + 8*edx], xmm3", x86_movs_mr(&a, SD, MX(ECX, EDX, 8, 0), XMM3));
    T("movss xmm2, xmm5", x86_movs_rr(&a, SS, XMM2, XMM5));
    T("movsd xmm0, xmm1", x86_movs_rr(&a, SD, XMM0, XMM1));
    T("addss xmm0, xmm1", x86_sse_rr(&a, SS, SSE_ADD, XMM0, XMM1));
    T("subsd xmm2, xmm3", x86_sse_rr(&a, SD, SSE_SUB, XMM2, XMM3));
    T("mulsd xmm4, xmm5", x86_sse_rr(&a, SD, SSE_MUL, XMM4, XMM5));
    T("divss xmm6, xmm7", x86_sse_rr(&a, SS, SSE_DIV, XMM6, XMM7));
    T("sqrtsd xmm0, xmm0", x86_sse_rr(&a, SD, SSE_SQRT, XMM0, XMM0));
    T("minss xmm1, xmm2", x86_sse_rr(&a, SS, SSE_MIN, XMM1, XMM2));
    T("maxsd xmm1, xmm2", x86_sse_rr(&a, SD, SSE_MAX, XMM1, XMM2));
    T("addsd xmm0, qword ptr [ebp - 24]", x86_sse_rm(&a, SD, SSE_ADD, XMM0, M(EBP, -24)));
    T("ucomiss xmm0, xmm1", x86_ucomis_rr(&a, SS, XMM0, XMM1));
    T("ucomisd xmm2, xmm3", x86_ucomis_rr(&a, SD, XMM2, XMM3));
    T("cvtsi2ss xmm0, eax", x86_cvtsi2s(&a, SS, XMM0, EAX));
    T("cvtsi2sd xmm1, edx", x86_cvtsi2s(&a, SD, XMM1, EDX));
    T("cvttss2si eax, xmm0", x86_cvtts2si(&a, SS, EAX, XMM0));
    T("cvttsd2si ecx, xmm7", x86_cvtts2si(&a, SD, ECX, XMM7));
    T("cvtss2sd xmm0, xmm1", x86_cvts2s(&a, SS, XMM0, XMM1));
    T("cvtsd2ss xmm2, xmm3", x86_cvts2s(&a, SD, XMM2, XMM3));
    T("andps xmm0, xmm1", x86_logic_ps(&a, PS_AND, XMM0, XMM1));
    T("xorps xmm0, xmm0", x86_logic_ps(&a, PS_XOR, XMM0, XMM0));
    T("movd xmm0, eax", x86_movd_xr(&a, XMM0, EAX));
    T("movd esi, xmm6", x86_movd_rx(&a, ESI, XMM6));
    T("movups xmm1, xmmword ptr [eax + 16]", x86_movups_rm(&a, XMM1, M(EAX, 16)));
    T("movups xmmword ptr [esp], xmm2", x86_movups_mr(&a, M(ESP, 0), XMM2));
    T("addps xmm0, xmm1", x86_ps_rr(&a, SSE_ADD, XMM0, XMM1));
    T("mulps xmm2, xmm3", x86_ps_rr(&a, SSE_MUL, XMM2, XMM3));
    T("movaps xmm7, xmm1", x86_movaps_rr(&a, XMM7, XMM1));
    T("shufps xmm3, xmm3, 85", x86_shufps(&a, XMM3, XMM3, 0x55));
    T("addpd xmm4, xmm5", x86_pd_rr(&a, SSE_ADD, XMM4, XMM5));
    T("shufpd xmm2, xmm6, 1", x86_shufpd(&a, XMM2, XMM6, 1));
    /* SSE2 packed integers */
    T("paddd xmm2, xmm7", x86_pi_rr(&a, PI_PADDD, XMM2, XMM7));
    T("psubd xmm0, xmm1", x86_pi_rr(&a, PI_PSUBD, XMM0, XMM1));
    T("pand xmm3, xmm4", x86_pi_rr(&a, PI_PAND, XMM3, XMM4));
    T("por xmm5, xmm6", x86_pi_rr(&a, PI_POR, XMM5, XMM6));
    T("pxor xmm1, xmm1", x86_pi_rr(&a, PI_PXOR, XMM1, XMM1));
    T("pmuludq xmm1, xmm0", x86_pi_rr(&a, PI_PMULUDQ, XMM1, XMM0));
    T("punpckldq xmm4, xmm1", x86_pi_rr(&a, PI_UNPCKLDQ, XMM4, XMM1));
    T("pshufd xmm1, xmm3, 245", x86_pshufd(&a, XMM1, XMM3, 0xf5));
    T("pslld xmm2, 3", x86_pshift_ri(&a, PSH_SLL, XMM2, 3));
    T("psrld xmm7, 31", x86_pshift_ri(&a, PSH_SRL, XMM7, 31));
    T("psrad xmm0, 1", x86_pshift_ri(&a, PSH_SRA, XMM0, 1));
    /* x87 */
    T("fld dword ptr [esp]", x86_fld_m(&a, SS, M(ESP, 0)));
    T("fld qword ptr [ebp - 8]", x86_fld_m(&a, SD, M(EBP, -8)));
    T("fstp dword ptr [eax]", x86_fstp_m(&a, SS, M(EAX, 0)));
    T("fstp qword ptr [esp + 8]", x86_fstp_m(&a, SD, M(ESP, 8)));
    return 0;
}
