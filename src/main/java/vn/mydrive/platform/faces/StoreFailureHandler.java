package vn.mydrive.platform.faces;

import jakarta.faces.FacesException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import java.io.IOException;
import java.util.Iterator;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A page whose request failed because the store could not answer is answered 503 with the "unavailable for a
 * moment" page (web.xml), not a server error: nothing was changed and trying again shortly will work.
 */
public class StoreFailureHandler extends ExceptionHandlerWrapper {

    private static final Logger LOG = Logger.getLogger(StoreFailureHandler.class.getName());

    /** Registered in faces-config.xml. */
    public static class Factory extends ExceptionHandlerFactory {
        public Factory(ExceptionHandlerFactory wrapped) {
            super(wrapped);
        }

        @Override
        public ExceptionHandler getExceptionHandler() {
            return new StoreFailureHandler(getWrapped().getExceptionHandler());
        }
    }

    StoreFailureHandler(ExceptionHandler wrapped) {
        super(wrapped);
    }

    @Override
    public void handle() throws FacesException {
        Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
        while (events.hasNext()) {
            Throwable failure = events.next().getContext().getException();
            if (causedByStore(failure)) {
                FacesContext faces = FacesContext.getCurrentInstance();
                events.remove();
                LOG.log(Level.WARNING, "The store failed a page request", failure);
                try {
                    if (!faces.getExternalContext().isResponseCommitted()) {
                        faces.getExternalContext().responseSendError(503, "The store is unavailable for a moment.");
                    }
                } catch (IOException e) {
                    // The visitor is gone.
                }
                faces.responseComplete();
            }
        }
        getWrapped().handle();
    }

    private static boolean causedByStore(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof com.mongodb.MongoException) {
                return true;
            }
        }
        return false;
    }
}
