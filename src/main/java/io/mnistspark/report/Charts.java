package io.mnistspark.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.OutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;

/**
 * What every chart shares: the size and look of the PNG files, and writing them through Hadoop's file
 * system so plots land beside the history wherever it lives ({@code file:}, {@code hdfs:}). Charts are
 * drawn off screen: the job runs on servers and in YARN containers that have no display.
 */
public final class Charts {
    /** PNG width in pixels. */
    public static final int WIDTH = 900;
    /** PNG height in pixels. */
    public static final int HEIGHT = 600;

    static {
        headless();
    }

    private Charts() {
    }

    /**
     * Switches AWT to headless mode. It must happen before AWT first asks for a display; without it a
     * machine with no X server fails when the first chart is drawn.
     */
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    /** White background, light grid, a title that fits a 900-pixel width. */
    static void style(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setTitle(new TextTitle(chart.getTitle().getText(), new Font(Font.SANS_SERIF, Font.BOLD, 16)));
        if (chart.getPlot() instanceof XYPlot plot) {
            plot.setBackgroundPaint(Color.WHITE);
            plot.setDomainGridlinePaint(new Color(0xdddddd));
            plot.setRangeGridlinePaint(new Color(0xdddddd));
            plot.setDomainGridlineStroke(new BasicStroke(1.0f));
            plot.setRangeGridlineStroke(new BasicStroke(1.0f));
            plot.setOutlinePaint(Color.GRAY);
        }
    }

    /** Writes {@code chart} as a {@link #WIDTH} x {@link #HEIGHT} PNG at {@code file}, replacing any old one. */
    public static void writePng(JFreeChart chart, FileSystem fs, Path file) throws IOException {
        try (OutputStream out = fs.create(file, true)) {
            ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT);
        }
    }
}
