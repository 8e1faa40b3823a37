package io.mnistspark.report;

import io.mnistspark.train.StepRecord;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Stroke;
import java.awt.geom.Line2D;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Loss-against-step line charts, the notebook's matplotlib plots redrawn: one run's training and
 * validation loss, or two runs side by side. Linear axes, as the notebook plots them. Training loss is
 * solid and validation loss dashed, so a comparison reads the same way as a single run.
 */
public final class LossCharts {
    static {
        // before the colour constants below: java.awt.Color decides on headless mode when it is first loaded
        Charts.headless();
    }

    static final String X_LABEL = "training step (full-batch updates applied)";
    static final String Y_LABEL = "mean softmax cross-entropy loss";
    /** matplotlib's first colours, which the notebook's plots used. */
    private static final Color[] RUN_COLOURS = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c),
        new Color(0xd62728)};
    private static final Stroke SOLID = new BasicStroke(2.0f);
    private static final Stroke DASHED = new BasicStroke(2.0f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10.0f,
            new float[] {8.0f, 5.0f}, 0.0f);

    private LossCharts() {
    }

    /**
     * One run's training loss (before each update) and validation loss (after it); when the run stopped
     * early, a vertical marker at the stopping step.
     */
    public static JFreeChart run(RunReport run) {
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(series("training loss (before the update)", run.history(), true));
        data.addSeries(series("validation loss (after the update)", run.history(), false));
        String title = "Run " + run.name() + ": " + run.optimizerLabel() + ", " + run.steppingLabel()
                + ", init " + run.initLabel()
                + (run.stoppedEarly() ? ", early stopping" : "");
        JFreeChart chart = lineChart(title, data);
        XYLineAndShapeRenderer renderer = (XYLineAndShapeRenderer) chart.getXYPlot().getRenderer();
        style(renderer, 0, RUN_COLOURS[0], SOLID);
        style(renderer, 1, RUN_COLOURS[1], SOLID);
        if (run.stoppedEarly()) {
            markStop(chart.getXYPlot(), run);
        }
        return chart;
    }

    /** Two or more runs' training (solid) and validation (dashed) losses, each run in its own colour. */
    public static JFreeChart comparison(String title, List<RunReport> runs, List<String> labels) {
        if (runs.size() != labels.size()) {
            throw new IllegalArgumentException(runs.size() + " runs but " + labels.size() + " labels");
        }
        XYSeriesCollection data = new XYSeriesCollection();
        for (int i = 0; i < runs.size(); i++) {
            String label = labels.get(i) + " (" + runs.get(i).name() + ")";
            data.addSeries(series("training loss, " + label, runs.get(i).history(), true));
            data.addSeries(series("validation loss, " + label, runs.get(i).history(), false));
        }
        JFreeChart chart = lineChart(title, data);
        XYLineAndShapeRenderer renderer = (XYLineAndShapeRenderer) chart.getXYPlot().getRenderer();
        for (int i = 0; i < runs.size(); i++) {
            Paint colour = RUN_COLOURS[i % RUN_COLOURS.length];
            style(renderer, 2 * i, colour, SOLID);
            style(renderer, 2 * i + 1, colour, DASHED);
        }
        for (RunReport run : runs) {
            if (run.stoppedEarly()) {
                markStop(chart.getXYPlot(), run);
            }
        }
        return chart;
    }

    private static XYSeries series(String key, List<StepRecord> history, boolean train) {
        XYSeries series = new XYSeries(key, false, false);
        for (StepRecord r : history) {
            series.add(r.step(), train ? r.trainLoss() : r.valLoss(), false);
        }
        return series;
    }

    private static JFreeChart lineChart(String title, XYSeriesCollection data) {
        JFreeChart chart = ChartFactory.createXYLineChart(title, X_LABEL, Y_LABEL, data, PlotOrientation.VERTICAL,
                true, false, false);
        Charts.style(chart);
        XYPlot plot = chart.getXYPlot();
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
        NumberAxis steps = (NumberAxis) plot.getDomainAxis();
        steps.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        steps.setAutoRangeIncludesZero(false);
        // a legend line long enough to show whether it is dashed
        ((XYLineAndShapeRenderer) plot.getRenderer()).setLegendLine(new Line2D.Double(-14.0, 0.0, 14.0, 0.0));
        return chart;
    }

    private static void style(XYLineAndShapeRenderer renderer, int series, Paint paint, Stroke stroke) {
        renderer.setSeriesPaint(series, paint);
        renderer.setSeriesStroke(series, stroke);
        renderer.setSeriesShapesVisible(series, false);
    }

    /** A labelled vertical line where early stopping ended the run. */
    private static void markStop(XYPlot plot, RunReport run) {
        ValueMarker marker = new ValueMarker(run.steps(), Color.DARK_GRAY, new BasicStroke(1.5f,
                BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10.0f, new float[] {3.0f, 3.0f}, 0.0f));
        String best = run.bestStep() > 0 ? "; best validation loss " + ReportFormat.loss(run.bestValLoss()) + " at step "
                + run.bestStep() : "";
        marker.setLabel("early stop at step " + run.steps() + " (" + run.name() + ")" + best + " ");
        marker.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        marker.setLabelPaint(Color.DARK_GRAY);
        marker.setLabelBackgroundColor(new Color(255, 255, 255, 220));
        marker.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        marker.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
        plot.addDomainMarker(marker);
    }
}
