//! An object-safe view of a [`Park`] driver, so schedulers are not generic over the
//! driver type (parking is off the hot path; one virtual call there costs nothing).

use crate::park::{Park, Unpark};
use std::time::Duration;

/// A driver the schedulers park in.
pub(crate) trait DynPark: Send {
    fn park(&mut self);
    fn park_timeout(&mut self, duration: Duration);
    fn shutdown(&mut self);
}

impl<P: Park + Send> DynPark for P {
    fn park(&mut self) {
        if let Err(e) = Park::park(self) {
            log::warn!("driver park failed: {e:?}");
        }
    }

    fn park_timeout(&mut self, duration: Duration) {
        if let Err(e) = Park::park_timeout(self, duration) {
            log::warn!("driver park failed: {e:?}");
        }
    }

    fn shutdown(&mut self) {
        Park::shutdown(self);
    }
}

/// The boxed driver and its unpark handle.
pub(crate) type Driver = Box<dyn DynPark>;
pub(crate) type DriverUnpark = Box<dyn Unpark>;

/// Boxes `park` and its unpark handle.
pub(crate) fn boxed<P: Park + Send + 'static>(park: P) -> (Driver, DriverUnpark) {
    let unpark: DriverUnpark = Box::new(park.unpark());
    (Box::new(park), unpark)
}
