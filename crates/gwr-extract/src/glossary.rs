//! The indicator glossary. (Being built.)
