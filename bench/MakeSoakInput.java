import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Soak input from the samples, JDK only: {@code java bench/MakeSoakInput.java SAMPLES OUT PAGES
 * [PAGES_PER_TIFF]} writes PAGES pages as multi-page TIFFs (default 50 pages each) cycling over
 * the sample pages.
 */
public class MakeSoakInput {
  public static void main(String[] args) throws IOException {
    File samples = new File(args[0]);
    File out = new File(args[1]);
    int pages = Integer.parseInt(args[2]);
    int perFile = args.length > 3 ? Integer.parseInt(args[3]) : 50;
    List<BufferedImage> src = new ArrayList<>();
    File[] files = samples.listFiles((d, n) -> n.endsWith(".png"));
    java.util.Arrays.sort(files);
    for (File f : files) {
      src.add(ImageIO.read(f));
    }
    out.mkdirs();
    int written = 0;
    for (int file = 0; written < pages; file++) {
      ImageWriter w = ImageIO.getImageWritersByFormatName("tiff").next();
      try (ImageOutputStream o = ImageIO.createImageOutputStream(
          new File(out, String.format("soak-%04d.tif", file)))) {
        w.setOutput(o);
        ImageWriteParam p = w.getDefaultWriteParam();
        p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        p.setCompressionType("Deflate");
        w.prepareWriteSequence(null);
        for (int i = 0; i < perFile && written < pages; i++, written++) {
          w.writeToSequence(new IIOImage(src.get(written % src.size()), null, null), p);
        }
        w.endWriteSequence();
      } finally {
        w.dispose();
      }
    }
    System.out.println("Wrote " + written + " pages to " + out);
  }
}
