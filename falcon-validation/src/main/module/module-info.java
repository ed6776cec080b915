/** Jakarta Bean Validation (Hibernate Validator) of typed request media. */
module falcon.validation {
    requires transitive falcon.core;
    requires transitive jakarta.validation;
    requires org.hibernate.validator;

    exports falcon.validation;
}
