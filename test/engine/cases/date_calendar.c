/* calendar arithmetic: day of week (Zeller and Sakamoto), leap years, days between dates, ISO week-ish numbering, month calendar print */
#include <stdio.h>
static int leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
static int dim(int y, int m) { static const int d[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 }; return m == 2 ? 28 + leap(y) : d[m - 1]; }
static int sakamoto(int y, int m, int d) { static const int t[] = { 0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4 }; if (m < 3) y--; return (y + y / 4 - y / 100 + y / 400 + t[m - 1] + d) % 7; }
static int zeller(int y, int m, int d) { if (m < 3) { m += 12; y--; } int k = y % 100, j = y / 100; int h = (d + 13 * (m + 1) / 5 + k + k / 4 + j / 4 + 5 * j) % 7; return (h + 6) % 7; }
static long days_from_civil(int y, int m, int d) { y -= m <= 2; long era = (y >= 0 ? y : y - 399) / 400; int yoe = y - era * 400; int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1; int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy; return era * 146097 + doe - 719468; }
int main(void) {
    const char *dn[] = { "Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat" };
    int dates[][3] = { { 1970, 1, 1 }, { 2000, 2, 29 }, { 1999, 12, 31 }, { 2024, 7, 4 }, { 1900, 3, 1 }, { 2100, 1, 1 }, { 1582, 10, 15 } };
    int mism = 0;
    for (int i = 0; i < 7; i++) { int y = dates[i][0], m = dates[i][1], d = dates[i][2]; int a = sakamoto(y, m, d), b = zeller(y, m, d); mism += a != b; printf("%04d-%02d-%02d %s %ld\n", y, m, d, dn[a], days_from_civil(y, m, d)); }
    int leaps = 0; for (int y = 1600; y <= 2400; y++) leaps += leap(y);
    long total = 0; for (int y = 1900; y < 2100; y++) for (int m = 1; m <= 12; m++) total += dim(y, m);
    int f13 = 0; for (int y = 1900; y < 2100; y++) for (int m = 1; m <= 12; m++) f13 += sakamoto(y, m, 13) == 5;
    printf("leaps %d days %ld friday13 %d between %ld mism %d\n", leaps, total, f13, days_from_civil(2024, 12, 25) - days_from_civil(1969, 7, 20), mism);
    printf("     March 2024\nSu Mo Tu We Th Fr Sa\n"); int start = sakamoto(2024, 3, 1); for (int i = 0; i < start; i++) printf("   ");
    for (int d = 1; d <= dim(2024, 3); d++) printf("%2d%c", d, (start + d) % 7 == 0 ? '\n' : ' ');
    printf("\n");
    return f13;
}
