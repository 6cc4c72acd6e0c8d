package io.kellydesk.desk.shell;

import io.kellydesk.core.ServiceState;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.property.SimpleStringProperty;

/** One upstream service's light in the header. Updated on the FX thread only. */
public final class ServiceLightViewModel {

    private final String serviceName;
    private final ObjectProperty<ServiceState> state = new SimpleObjectProperty<>(ServiceState.UNKNOWN);
    private final StringProperty detail = new SimpleStringProperty("");

    public ServiceLightViewModel(String serviceName) {
        this.serviceName = serviceName;
    }

    public String serviceName() {
        return serviceName;
    }

    public ObjectProperty<ServiceState> stateProperty() {
        return state;
    }

    /** A sentence for the tooltip: the last error, or the service's own detail. */
    public StringProperty detailProperty() {
        return detail;
    }
}
