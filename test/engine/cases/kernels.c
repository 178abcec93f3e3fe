/* @O3 floating-point kernels: matmul, dot, saxpy, softmax, rmsnorm (float), nbody step (double) */
#include <stdio.h>
#include <math.h>
#define N 48
static float A[N][N], B[N][N], C[N][N];
static void matmul(void) { for (int i = 0; i < N; i++) for (int j = 0; j < N; j++) { float s = 0; for (int k = 0; k < N; k++) s += A[i][k] * B[k][j]; C[i][j] = s; } }
static void softmax(float *x, int n) { float m = x[0]; for (int i = 1; i < n; i++) if (x[i] > m) m = x[i]; float s = 0; for (int i = 0; i < n; i++) { x[i] = expf(x[i] - m); s += x[i]; } for (int i = 0; i < n; i++) x[i] /= s; }
static void rmsnorm(float *o, const float *x, const float *w, int n) { float ss = 0; for (int i = 0; i < n; i++) ss += x[i] * x[i]; ss = 1.0f / sqrtf(ss / n + 1e-5f); for (int i = 0; i < n; i++) o[i] = w[i] * (ss * x[i]); }
struct body { double x, y, z, vx, vy, vz, m; };
static void step(struct body *b, int n, double dt) {
    for (int i = 0; i < n; i++) for (int j = i + 1; j < n; j++) {
        double dx = b[i].x - b[j].x, dy = b[i].y - b[j].y, dz = b[i].z - b[j].z;
        double d2 = dx * dx + dy * dy + dz * dz, mag = dt / (d2 * sqrt(d2));
        b[i].vx -= dx * b[j].m * mag; b[i].vy -= dy * b[j].m * mag; b[i].vz -= dz * b[j].m * mag;
        b[j].vx += dx * b[i].m * mag; b[j].vy += dy * b[i].m * mag; b[j].vz += dz * b[i].m * mag;
    }
    for (int i = 0; i < n; i++) { b[i].x += dt * b[i].vx; b[i].y += dt * b[i].vy; b[i].z += dt * b[i].vz; }
}
int main(void) {
    for (int i = 0; i < N; i++) for (int j = 0; j < N; j++) { A[i][j] = (float)((i * 7 + j * 3) % 17) / 17.0f; B[i][j] = (float)((i * 5 + j * 11) % 13) / 13.0f - 0.5f; }
    matmul(); double tr = 0; for (int i = 0; i < N; i++) tr += C[i][i]; printf("%.6f %.6f\n", tr, C[3][7]);
    float x[64], w[64], o[64]; for (int i = 0; i < 64; i++) { x[i] = sinf(i * 0.3f) * 3; w[i] = 1.0f + i / 64.0f; }
    rmsnorm(o, x, w, 64); softmax(o, 64); float s = 0; for (int i = 0; i < 64; i++) s += o[i] * i; printf("%.6f %.6f\n", s, o[10]);
    struct body b[5] = { { 0, 0, 0, 0, 0, 0, 39.47 }, { 4.84, -1.16, -0.10, 0.606, 2.81, -0.02, 0.037 }, { 8.34, 4.12, -0.4, -1.01, 1.82, 0.008, 0.011 },
                         { 12.89, -15.11, -0.22, 1.08, 0.868, -0.01, 0.0017 }, { 15.37, -25.9, 0.179, 0.979, 0.594, -0.034, 0.002 } };
    for (int k = 0; k < 1000; k++) step(b, 5, 0.01);
    printf("%.9f %.9f %.9f\n", b[1].x, b[2].y, b[4].vz);
    return 0;
}
