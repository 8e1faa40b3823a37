package io.mnistspark.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.DefaultXYZDataset;

/**
 * The test set's confusion matrix as a heat map: true class down the side (0 at the top, as the matrix is
 * printed), predicted class along the bottom, each cell's count written in it. The colour follows the
 * square root of the count: on a linear scale the diagonal (about a thousand images per class) would
 * wash out the handful of confusions that are the interesting part.
 */
public final class ConfusionHeatMap {
    static {
        Charts.headless();
    }

    private ConfusionHeatMap() {
    }

    /** The heat map of {@code rows} (rows are true classes), titled with the run and its accuracy. */
    public static JFreeChart chart(String runName, double accuracy, long[][] rows) {
        int classes = rows.length;
        double[][] cells = new double[3][classes * classes];
        long max = 1;
        long total = 0;
        for (int actual = 0; actual < classes; actual++) {
            if (rows[actual].length != classes) {
                throw new IllegalArgumentException("confusion matrix row " + actual + " has " + rows[actual].length
                        + " columns, expected " + classes);
            }
            for (int predicted = 0; predicted < classes; predicted++) {
                int i = actual * classes + predicted;
                cells[0][i] = predicted;
                cells[1][i] = actual;
                cells[2][i] = rows[actual][predicted];
                max = Math.max(max, rows[actual][predicted]);
                total += rows[actual][predicted];
            }
        }
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries("test images", cells);

        SqrtBlueScale scale = new SqrtBlueScale(max);
        XYBlockRenderer renderer = new XYBlockRenderer();
        renderer.setPaintScale(scale);
        XYPlot plot = new XYPlot(data, classAxis("predicted class", classes), classAxis("true class", classes), renderer);
        plot.getRangeAxis().setInverted(true);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, classes <= 10 ? 13 : 9);
        for (int i = 0; i < cells[2].length; i++) {
            XYTextAnnotation count = new XYTextAnnotation(Long.toString((long) cells[2][i]), cells[0][i], cells[1][i]);
            count.setFont(font);
            count.setPaint(cells[2][i] > max / 4.0 ? Color.WHITE : Color.BLACK);
            plot.addAnnotation(count);
        }
        String title = "Test set confusion matrix, run " + runName + ": accuracy " + ReportFormat.accuracy(accuracy)
                + " on " + total + " images";
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        Charts.style(chart);
        NumberAxis legendAxis = new NumberAxis("images (colour: square root of the count)");
        legendAxis.setRange(0, max);
        legendAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        PaintScaleLegend legend = new PaintScaleLegend(scale, legendAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setMargin(new RectangleInsets(10, 10, 10, 10));
        legend.setStripWidth(18);
        chart.addSubtitle(legend);
        return chart;
    }

    private static SymbolAxis classAxis(String label, int classes) {
        String[] names = new String[classes];
        for (int c = 0; c < classes; c++) {
            names[c] = Integer.toString(c);
        }
        SymbolAxis axis = new SymbolAxis(label, names);
        axis.setGridBandsVisible(false);
        axis.setRange(-0.5, classes - 0.5);
        axis.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        axis.setLabelFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        return axis;
    }

    /** White at zero to dark blue at {@code max}, by the square root of the count. */
    private static final class SqrtBlueScale implements PaintScale {
        private final double max;

        SqrtBlueScale(double max) {
            this.max = max;
        }

        @Override
        public double getLowerBound() {
            return 0;
        }

        @Override
        public double getUpperBound() {
            return max;
        }

        @Override
        public Paint getPaint(double value) {
            double t = Math.sqrt(Math.max(0, Math.min(value, max)) / max);
            // from white (255, 255, 255) to matplotlib's dark blue (8, 48, 107)
            return new Color((int) Math.round(255 - t * (255 - 8)), (int) Math.round(255 - t * (255 - 48)),
                    (int) Math.round(255 - t * (255 - 107)));
        }
    }
}
