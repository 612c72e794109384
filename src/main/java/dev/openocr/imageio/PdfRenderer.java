package dev.openocr.imageio;

import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.filter.MissingImageReaderException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.rendering.PageDrawer;
import org.apache.pdfbox.rendering.PageDrawerParameters;

/**
 * PDFBox's renderer with three changes: images it could not decode are kept (PDFBox logs them and
 * draws nothing), large Flate images are sampled while they inflate, and a render can be stopped
 * from another thread between operators. One per page render.
 */
final class PdfRenderer extends PDFRenderer {
  private final Set<COSStream> sampled;
  private final long maxSampledPixels;
  private final PdfStreams.Cancel cancel;
  /** The first image that could not be drawn, or null. */
  private IOException failure;

  /**
   * @param sampled the images to sample instead of decoding whole
   * @param maxSampledPixels most pixels kept of one sampled image
   */
  PdfRenderer(PDDocument doc, Set<COSStream> sampled, long maxSampledPixels,
      PdfStreams.Cancel cancel) {
    super(doc);
    this.sampled = sampled;
    this.maxSampledPixels = maxSampledPixels;
    this.cancel = cancel;
    setSubsamplingAllowed(true);
  }

  /** The first image failure of the last render, or null. */
  IOException failure() {
    return failure;
  }

  @Override
  protected PageDrawer createPageDrawer(PageDrawerParameters parameters) throws IOException {
    return new Drawer(parameters);
  }

  private final class Drawer extends PageDrawer {
    Drawer(PageDrawerParameters parameters) throws IOException {
      super(parameters);
    }

    @Override
    protected void processOperator(Operator operator, List<COSBase> operands)
        throws IOException {
      cancel.check();
      super.processOperator(operator, operands);
    }

    @Override
    protected void operatorException(Operator operator, List<COSBase> operands,
        IOException e) throws IOException {
      String op = operator.getName();
      if (failure == null && (e instanceof MissingImageReaderException || op.equals("Do")
          || op.equals("BI"))) {
        failure = e;
      }
      super.operatorException(operator, operands, e);
    }

    @Override
    public void drawImage(PDImage image) throws IOException {
      if (image instanceof PDImageXObject x && sampled.contains(x.getCOSObject())) {
        drawSampled(x);
      } else {
        super.drawImage(image);
      }
    }

    /** Draws a large Flate image from every n-th pixel, n from its size on the page. */
    private void drawSampled(PDImageXObject x) throws IOException {
      AffineTransform at = getGraphicsState().getCurrentTransformationMatrix()
          .createAffineTransform();
      Graphics2D g = getGraphics();
      double devicePixels = Math.abs(at.getDeterminant() * g.getTransform().getDeterminant());
      double imagePixels = (double) x.getWidth() * x.getHeight();
      double keep = Math.min(Math.max(devicePixels, 1), maxSampledPixels);
      int step = (int) Math.max(1, Math.ceil(Math.sqrt(imagePixels / keep)));
      BufferedImage img = FlateSampler.sample(x.getCOSObject(), step, cancel);
      setClip();
      g.setComposite(getGraphicsState().getNonStrokingJavaComposite());
      AffineTransform t = new AffineTransform(at);
      t.scale(1.0 / img.getWidth(), -1.0 / img.getHeight());
      t.translate(0, -img.getHeight());
      g.drawImage(img, t, null);
    }
  }

  /** A cancel check that throws when the flag is set. */
  static PdfStreams.Cancel cancelWhen(java.util.function.BooleanSupplier stop, String what) {
    return () -> {
      if (stop.getAsBoolean()) {
        throw new CancellationException(what + ": stopped");
      }
    };
  }
}
