package vn.mydrive.bench.tus;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import me.desair.tus.server.TusFileUploadService;

/**
 * The reference resumable-upload server for bench/tus.sh: tus-java-server receiving uploads to plain disk,
 * deployed next to MyDrive on the same WildFly. Not part of MyDrive.
 */
@WebServlet(urlPatterns = {"/upload", "/upload/*"}, asyncSupported = true)
public class TusReferenceServlet extends HttpServlet {

    private final TusFileUploadService tus = new TusFileUploadService()
            .withStoragePath(System.getProperty("tus.storage", System.getProperty("java.io.tmpdir") + "/tus-bench"))
            .withUploadUri("/tus/upload");

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        tus.process(request, response);
    }
}
