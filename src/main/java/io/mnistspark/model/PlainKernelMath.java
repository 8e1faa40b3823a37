package io.mnistspark.model;

import io.mnistspark.data.ImageBlock;

/** The kernel loops as plain {@code for} loops the JIT vectorizes where it can. */
final class PlainKernelMath implements KernelMath {
    @Override
    public void hiddenLayer(ImageBlock block, int chunk, double[] params, NetworkShape shape, double[] hidden) {
        int nh = shape.hidden();
        int rows = block.chunkRows(chunk);
        int b1 = shape.b1Offset();
        for (int i = 0; i < rows; i++) {
            System.arraycopy(params, b1, hidden, i * nh, nh);
        }
        for (int p = block.firstPair(chunk), end = block.firstPair(chunk + 1); p < end; p++) {
            int wa = shape.w1Offset() + block.pixelA(p) * nh;
            int wb = block.pixelB(p) == ImageBlock.NO_PIXEL ? -1 : shape.w1Offset() + block.pixelB(p) * nh;
            for (int e = block.firstEntry(p), last = block.firstEntry(p + 1); e < last; e++) {
                int h = block.entryRow(e) * nh;
                double xa = block.scaledA(e);
                if (xa != 0.0) {
                    for (int j = 0; j < nh; j++) {
                        hidden[h + j] += xa * params[wa + j];
                    }
                }
                double xb = block.scaledB(e);
                if (xb != 0.0) {
                    for (int j = 0; j < nh; j++) {
                        hidden[h + j] += xb * params[wb + j];
                    }
                }
            }
        }
        for (int q = 0; q < rows * nh; q++) {
            if (hidden[q] < 0.0) {
                hidden[q] = 0.0;
            }
        }
    }

    @Override
    public void logits(double[] hidden, int rows, double[] w2t, double[] b2, NetworkShape shape, double[] logits) {
        int nh = shape.hidden();
        int nc = shape.classes();
        for (int i = 0; i < rows; i++) {
            for (int c = 0; c < nc; c++) {
                double sum = 0.0;
                for (int j = 0; j < nh; j++) {
                    sum += hidden[i * nh + j] * w2t[c * nh + j];
                }
                logits[i * nc + c] = b2[c] + sum;
            }
        }
    }

    @Override
    public void hiddenGradient(double[] dLogits, double[] hidden, int rows, double[] w2t, NetworkShape shape,
            double[] dHidden) {
        int nh = shape.hidden();
        int nc = shape.classes();
        for (int i = 0; i < rows; i++) {
            int h = i * nh;
            java.util.Arrays.fill(dHidden, h, h + nh, 0.0);
            for (int c = 0; c < nc; c++) {
                double dz = dLogits[i * nc + c];
                for (int j = 0; j < nh; j++) {
                    dHidden[h + j] += dz * w2t[c * nh + j];
                }
            }
            for (int j = 0; j < nh; j++) {
                if (!(hidden[h + j] > 0.0)) {
                    dHidden[h + j] = 0.0;
                }
            }
        }
    }

    @Override
    public void addSecondLayerGradient(double[] hidden, double[] dLogits, double[] dHidden, int rows,
            NetworkShape shape, double[] w2tGradient, double[] gradient) {
        int nh = shape.hidden();
        int nc = shape.classes();
        for (int i = 0; i < rows; i++) {
            int h = i * nh;
            for (int c = 0; c < nc; c++) {
                double dz = dLogits[i * nc + c];
                gradient[shape.b2Offset() + c] += dz;
                for (int j = 0; j < nh; j++) {
                    w2tGradient[c * nh + j] += dz * hidden[h + j];
                }
            }
            for (int j = 0; j < nh; j++) {
                gradient[shape.b1Offset() + j] += dHidden[h + j];
            }
        }
    }

    @Override
    public void addW1Gradient(ImageBlock block, int chunk, double[] dHidden, NetworkShape shape, double[] gradient) {
        int nh = shape.hidden();
        for (int p = block.firstPair(chunk), end = block.firstPair(chunk + 1); p < end; p++) {
            int ga = shape.w1Offset() + block.pixelA(p) * nh;
            int gb = block.pixelB(p) == ImageBlock.NO_PIXEL ? -1 : shape.w1Offset() + block.pixelB(p) * nh;
            for (int e = block.firstEntry(p), last = block.firstEntry(p + 1); e < last; e++) {
                int d = block.entryRow(e) * nh;
                double xa = block.scaledA(e);
                if (xa != 0.0) {
                    for (int j = 0; j < nh; j++) {
                        gradient[ga + j] += xa * dHidden[d + j];
                    }
                }
                double xb = block.scaledB(e);
                if (xb != 0.0) {
                    for (int j = 0; j < nh; j++) {
                        gradient[gb + j] += xb * dHidden[d + j];
                    }
                }
            }
        }
    }

    @Override
    public String name() {
        return "plain";
    }
}
