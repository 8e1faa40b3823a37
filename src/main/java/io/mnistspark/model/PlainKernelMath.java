package io.mnistspark.model;

import io.mnistspark.data.ImageBlock;
import java.util.Arrays;

/** The kernel loops as plain {@code for} loops the JIT vectorizes where it can. */
final class PlainKernelMath implements KernelMath {
    @Override
    public void hiddenLayer(ImageBlock block, int chunk, ChunkWorkspace ws) {
        int nh = ws.shape.hidden();
        int rows = block.chunkRows(chunk);
        double[] hidden = ws.hidden;
        double[] w1 = ws.w1;
        for (int i = 0; i < rows; i++) {
            System.arraycopy(ws.b1, 0, hidden, ws.origin + i * nh, nh);
        }
        for (int p = block.firstPair(chunk), end = block.firstPair(chunk + 1); p < end; p++) {
            int wa = ws.origin + block.pixelA(p) * nh;
            int wb = block.pixelB(p) == ImageBlock.NO_PIXEL ? -1 : ws.origin + block.pixelB(p) * nh;
            for (int e = block.firstEntry(p), last = block.firstEntry(p + 1); e < last; e++) {
                int h = ws.origin + block.entryRow(e) * nh;
                double xa = block.scaledA(e);
                if (xa != 0.0) {
                    addScaled(hidden, h, xa, w1, wa, nh);
                }
                double xb = block.scaledB(e);
                if (xb != 0.0) {
                    addScaled(hidden, h, xb, w1, wb, nh);
                }
            }
        }
        for (int q = ws.origin, end = ws.origin + rows * nh; q < end; q++) {
            if (hidden[q] < 0.0) {
                hidden[q] = 0.0;
            }
        }
    }

    @Override
    public void logits(int rows, ChunkWorkspace ws) {
        int nh = ws.shape.hidden();
        int nc = ws.shape.classes();
        for (int i = 0; i < rows; i++) {
            int h = ws.origin + i * nh;
            for (int c = 0; c < nc; c++) {
                double sum = 0.0;
                for (int j = 0; j < nh; j++) {
                    sum += ws.hidden[h + j] * ws.w2t[c * nh + j];
                }
                ws.logits[i * nc + c] = ws.b2[c] + sum;
            }
        }
    }

    @Override
    public void hiddenGradient(int rows, ChunkWorkspace ws) {
        int nh = ws.shape.hidden();
        int nc = ws.shape.classes();
        double[] dHidden = ws.dHidden;
        for (int i = 0; i < rows; i++) {
            int h = ws.origin + i * nh;
            Arrays.fill(dHidden, h, h + nh, 0.0);
            for (int c = 0; c < nc; c++) {
                addScaled(dHidden, h, ws.logits[i * nc + c], ws.w2t, c * nh, nh);
            }
            for (int j = 0; j < nh; j++) {
                if (!(ws.hidden[h + j] > 0.0)) {
                    dHidden[h + j] = 0.0;
                }
            }
        }
    }

    @Override
    public void addSecondLayerGradient(int rows, ChunkWorkspace ws, double[] gradient) {
        NetworkShape shape = ws.shape;
        int nh = shape.hidden();
        int nc = shape.classes();
        for (int i = 0; i < rows; i++) {
            int h = ws.origin + i * nh;
            for (int c = 0; c < nc; c++) {
                double dz = ws.logits[i * nc + c];
                gradient[shape.b2Offset() + c] += dz;
                addScaled(ws.w2tGradient, c * nh, dz, ws.hidden, h, nh);
            }
            for (int j = 0; j < nh; j++) {
                gradient[shape.b1Offset() + j] += ws.dHidden[h + j];
            }
        }
    }

    @Override
    public void addW1Gradient(ImageBlock block, int chunk, ChunkWorkspace ws) {
        int nh = ws.shape.hidden();
        double[] gradient = ws.w1Gradient;
        double[] dHidden = ws.dHidden;
        for (int p = block.firstPair(chunk), end = block.firstPair(chunk + 1); p < end; p++) {
            int ga = ws.origin + block.pixelA(p) * nh;
            int gb = block.pixelB(p) == ImageBlock.NO_PIXEL ? -1 : ws.origin + block.pixelB(p) * nh;
            for (int e = block.firstEntry(p), last = block.firstEntry(p + 1); e < last; e++) {
                int d = ws.origin + block.entryRow(e) * nh;
                double xa = block.scaledA(e);
                if (xa != 0.0) {
                    addScaled(gradient, ga, xa, dHidden, d, nh);
                }
                double xb = block.scaledB(e);
                if (xb != 0.0) {
                    addScaled(gradient, gb, xb, dHidden, d, nh);
                }
            }
        }
    }

    @Override
    public String name() {
        return "plain";
    }

    /** {@code y[yo + j] += a * x[xo + j]} for j in [0, n). */
    private static void addScaled(double[] y, int yo, double a, double[] x, int xo, int n) {
        for (int j = 0; j < n; j++) {
            y[yo + j] += a * x[xo + j];
        }
    }
}
