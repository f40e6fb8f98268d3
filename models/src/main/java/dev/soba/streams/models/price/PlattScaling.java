package dev.soba.streams.models.price;

import java.io.Serializable;

/**
 * Platt scaling: a calibrated probability {@code σ(a·logit(p) + b)} from a raw one, with {@code a, b}
 * fitted by Newton's method on held-out rows (the last part of the training window).
 */
public record PlattScaling(double a, double b) implements Serializable {

    public static final PlattScaling IDENTITY = new PlattScaling(1, 0);

    public double apply(final double p) {
        return sigmoid(a * logit(p) + b);
    }

    /** Fits on raw probabilities and outcomes (true = up); falls back to the identity when it cannot. */
    public static PlattScaling fit(final double[] raw, final boolean[] up) {
        double a = 1;
        double b = 0;
        for (int iteration = 0; iteration < 50; iteration++) {
            double ga = 0;
            double gb = 0;
            double haa = 1e-9;
            double hab = 0;
            double hbb = 1e-9;
            for (int i = 0; i < raw.length; i++) {
                final double z = logit(raw[i]);
                final double q = sigmoid(a * z + b);
                final double e = q - (up[i] ? 1 : 0);
                final double w = q * (1 - q);
                ga += e * z;
                gb += e;
                haa += w * z * z;
                hab += w * z;
                hbb += w;
            }
            final double det = haa * hbb - hab * hab;
            if (Math.abs(det) < 1e-12) {
                break;
            }
            final double da = (hbb * ga - hab * gb) / det;
            final double db = (haa * gb - hab * ga) / det;
            a -= da;
            b -= db;
            if (Math.abs(da) + Math.abs(db) < 1e-9) {
                break;
            }
        }
        return Double.isFinite(a) && Double.isFinite(b) ? new PlattScaling(a, b) : IDENTITY;
    }

    static double logit(final double p) {
        final double q = Math.min(Math.max(p, 1e-6), 1 - 1e-6);
        return Math.log(q / (1 - q));
    }

    static double sigmoid(final double z) {
        return 1 / (1 + Math.exp(-z));
    }
}
