package dev.fulcrum.plugins.fairnessmitigation;

/** Solves the normal equations {@code (G + λ mean(diag G) I) B = M} for a small symmetric positive G by Cholesky. */
final class LeastSquares {

    private LeastSquares() {
    }

    /**
     * @param gram    {@code [k][k]}, symmetric positive semi-definite
     * @param moments {@code [k][d]}
     * @param ridge   λ, relative to the mean of G's diagonal
     */
    static double[][] solve(double[][] gram, double[][] moments, double ridge) {
        int k = gram.length;
        double diagonal = 0;
        for (int i = 0; i < k; i++) {
            diagonal += gram[i][i];
        }
        double shift = ridge * Math.max(diagonal / k, 1e-300);
        double[][] lower = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = gram[i][j] + (i == j ? shift : 0);
                for (int p = 0; p < j; p++) {
                    sum -= lower[i][p] * lower[j][p];
                }
                lower[i][j] = i == j ? Math.sqrt(Math.max(sum, shift)) : sum / lower[j][j];
            }
        }
        int d = moments[0].length;
        double[][] solution = new double[k][d];
        for (int column = 0; column < d; column++) {
            double[] y = new double[k];
            for (int i = 0; i < k; i++) {
                double sum = moments[i][column];
                for (int p = 0; p < i; p++) {
                    sum -= lower[i][p] * y[p];
                }
                y[i] = sum / lower[i][i];
            }
            for (int i = k - 1; i >= 0; i--) {
                double sum = y[i];
                for (int p = i + 1; p < k; p++) {
                    sum -= lower[p][i] * solution[p][column];
                }
                solution[i][column] = sum / lower[i][i];
            }
        }
        return solution;
    }
}
