package io.kellydesk.core;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/** Spec step 10: Pearson correlation of daily close-to-close returns. */
public final class Correlations {

    private Correlations() {
    }

    /**
     * Correlation of the returns of two bar series over their last {@code lookbackBars} common bars
     * (matched by bar time). Empty when fewer than 3 returns are shared or a series does not move.
     */
    public static OptionalDouble ofReturns(List<Bar> a, List<Bar> b, int lookbackBars) {
        Map<Instant, Double> closesB = new HashMap<>(b.size() * 2);
        for (Bar bar : b) {
            closesB.put(bar.time(), bar.close());
        }
        int start = Math.max(0, a.size() - lookbackBars);
        double[] ca = new double[a.size() - start];
        double[] cb = new double[a.size() - start];
        int n = 0;
        for (int i = start; i < a.size(); i++) {
            Double other = closesB.get(a.get(i).time());
            if (other != null) {
                ca[n] = a.get(i).close();
                cb[n] = other;
                n++;
            }
        }
        return ofCloses(ca, cb, n);
    }

    /** Correlation of the returns of two aligned close series, using the first {@code n} closes. */
    public static OptionalDouble ofCloses(double[] closesA, double[] closesB, int n) {
        int returns = n - 1;
        if (returns < 3) {
            return OptionalDouble.empty();
        }
        double[] ra = new double[returns];
        double[] rb = new double[returns];
        for (int i = 0; i < returns; i++) {
            if (closesA[i] <= 0 || closesB[i] <= 0) {
                return OptionalDouble.empty();
            }
            ra[i] = closesA[i + 1] / closesA[i] - 1.0;
            rb[i] = closesB[i + 1] / closesB[i] - 1.0;
        }
        return pearson(ra, rb);
    }

    /** Pearson's r of two equally long samples; empty when either has no variance. */
    public static OptionalDouble pearson(double[] x, double[] y) {
        int n = x.length;
        double meanX = 0;
        double meanY = 0;
        for (int i = 0; i < n; i++) {
            meanX += x[i];
            meanY += y[i];
        }
        meanX /= n;
        meanY /= n;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            double dx = x[i] - meanX;
            double dy = y[i] - meanY;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        if (sxx == 0 || syy == 0) {
            return OptionalDouble.empty();
        }
        double r = sxy / Math.sqrt(sxx * syy);
        return OptionalDouble.of(Math.max(-1.0, Math.min(1.0, r)));
    }

    /**
     * The full matrix for a set of symbols' bars; {@code rho[i][i]} is 1, a pair without a correlation is 0
     * (no evidence). When every series has the same bar times (daily bars of one calendar do), each series'
     * returns are centred and normalised once and each pair is one dot product; otherwise pairs are matched
     * by time one by one.
     */
    public static double[][] matrix(List<List<Bar>> barsPerSymbol, int lookbackBars) {
        int size = barsPerSymbol.size();
        double[][] rho = new double[size][size];
        double[][] unitReturns = sharedGridUnitReturns(barsPerSymbol, lookbackBars);
        for (int i = 0; i < size; i++) {
            rho[i][i] = 1.0;
            for (int j = i + 1; j < size; j++) {
                double r;
                if (unitReturns != null) {
                    r = unitReturns[i] == null || unitReturns[j] == null ? 0.0 : clamp(dot(unitReturns[i], unitReturns[j]));
                } else {
                    r = ofReturns(barsPerSymbol.get(i), barsPerSymbol.get(j), lookbackBars).orElse(0.0);
                }
                rho[i][j] = r;
                rho[j][i] = r;
            }
        }
        return rho;
    }

    /** Centred returns scaled to unit length per series, or null when the series do not share bar times. */
    private static double[][] sharedGridUnitReturns(List<List<Bar>> barsPerSymbol, int lookbackBars) {
        if (barsPerSymbol.isEmpty()) {
            return null;
        }
        List<Bar> first = barsPerSymbol.getFirst();
        int n = Math.min(first.size(), lookbackBars);
        if (n < 4) {
            return null;
        }
        for (List<Bar> series : barsPerSymbol) {
            if (series.size() < n) {
                return null;
            }
            for (int k = 1; k <= n; k++) {
                if (!series.get(series.size() - k).time().equals(first.get(first.size() - k).time())) {
                    return null;
                }
            }
        }
        double[][] result = new double[barsPerSymbol.size()][];
        for (int s = 0; s < result.length; s++) {
            List<Bar> series = barsPerSymbol.get(s);
            int offset = series.size() - n;
            double[] returns = new double[n - 1];
            double mean = 0;
            boolean usable = true;
            for (int i = 0; i < n - 1; i++) {
                double from = series.get(offset + i).close();
                if (from <= 0) {
                    usable = false;
                    break;
                }
                returns[i] = series.get(offset + i + 1).close() / from - 1.0;
                mean += returns[i];
            }
            if (!usable) {
                continue;
            }
            mean /= returns.length;
            double norm = 0;
            for (int i = 0; i < returns.length; i++) {
                returns[i] -= mean;
                norm += returns[i] * returns[i];
            }
            if (norm == 0) {
                continue;
            }
            norm = Math.sqrt(norm);
            for (int i = 0; i < returns.length; i++) {
                returns[i] /= norm;
            }
            result[s] = returns;
        }
        return result;
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static double clamp(double r) {
        return Math.max(-1.0, Math.min(1.0, r));
    }
}
