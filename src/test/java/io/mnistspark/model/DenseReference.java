package io.mnistspark.model;

/**
 * The network written the plainest way, one example at a time on dense rows, as a reference the sparse
 * block kernel must agree with. Returns per-row loss and adds the per-row gradient.
 */
final class DenseReference {
    private DenseReference() {
    }

    /** Loss of one row; adds its gradient into {@code grad} when not null. */
    static double lossAndGradient(NetworkShape s, double[] p, double[] x, int label, double[] grad) {
        int in = s.inputs();
        int nh = s.hidden();
        int nc = s.classes();
        double[] pre = new double[nh];
        double[] h = new double[nh];
        for (int j = 0; j < nh; j++) {
            double sum = p[s.b1Offset() + j];
            for (int k = 0; k < in; k++) {
                sum += x[k] * p[s.w1Offset() + k * nh + j];
            }
            pre[j] = sum;
            h[j] = Math.max(0.0, sum);
        }
        double[] z = new double[nc];
        for (int c = 0; c < nc; c++) {
            double sum = p[s.b2Offset() + c];
            for (int j = 0; j < nh; j++) {
                sum += h[j] * p[s.w2Offset() + j * nc + c];
            }
            z[c] = sum;
        }
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            max = Math.max(max, v);
        }
        double sumExp = 0;
        for (double v : z) {
            sumExp += Math.exp(v - max);
        }
        double loss = max + Math.log(sumExp) - z[label];
        if (grad != null) {
            double[] dz = new double[nc];
            for (int c = 0; c < nc; c++) {
                dz[c] = Math.exp(z[c] - max) / sumExp - (c == label ? 1 : 0);
                grad[s.b2Offset() + c] += dz[c];
            }
            for (int j = 0; j < nh; j++) {
                double dh = 0;
                for (int c = 0; c < nc; c++) {
                    grad[s.w2Offset() + j * nc + c] += h[j] * dz[c];
                    dh += p[s.w2Offset() + j * nc + c] * dz[c];
                }
                if (pre[j] <= 0) {
                    dh = 0;
                }
                grad[s.b1Offset() + j] += dh;
                for (int k = 0; k < in; k++) {
                    grad[s.w1Offset() + k * nh + j] += x[k] * dh;
                }
            }
        }
        return loss;
    }
}
