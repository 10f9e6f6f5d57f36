//! Numbers and units. (Being built.)
