package org.duban.app.axon;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.duban.api.MetadataKeys;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/** Puts the correlation id of the event being handled into the log context, also on other threads. */
@Component
class CorrelationIdHandlerInterceptor implements MessageHandlerInterceptor<EventMessage<?>> {

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Object correlationId = unitOfWork.getMessage().getMetaData().get(MetadataKeys.CORRELATION_ID);
        String previous = MDC.get(MetadataKeys.CORRELATION_ID);
        if (correlationId != null) {
            MDC.put(MetadataKeys.CORRELATION_ID, correlationId.toString());
        }
        try {
            return chain.proceed();
        } finally {
            if (previous != null) {
                MDC.put(MetadataKeys.CORRELATION_ID, previous);
            } else {
                MDC.remove(MetadataKeys.CORRELATION_ID);
            }
        }
    }
}
