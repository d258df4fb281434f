//! The pure work of a large set of changes, spread over the machine's cores: deciding 10,000
//! changes and writing their views as JSON took 60 ms on one core. Small sets (a single `PUT`)
//! stay on the caller's thread.

/// Fewer items than this per thread are not worth a thread.
pub const MIN_PER_THREAD: usize = 256;

/// `items` mapped by `f`, in order: in contiguous chunks, one per core (the first on the
/// calling thread). A panic in `f` is resumed on the caller.
pub fn map<T: Send, U: Send>(items: Vec<T>, f: impl Fn(T) -> U + Sync) -> Vec<U> {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let threads = cores.min(items.len() / MIN_PER_THREAD).max(1);
    if threads == 1 {
        return items.into_iter().map(f).collect();
    }
    let per_thread = items.len().div_ceil(threads);
    let mut items = items.into_iter();
    let mut chunks: Vec<Vec<T>> = Vec::with_capacity(threads);
    loop {
        let chunk: Vec<T> = items.by_ref().take(per_thread).collect();
        if chunk.is_empty() {
            break;
        }
        chunks.push(chunk);
    }
    let f = &f;
    std::thread::scope(|scope| {
        let mut chunks = chunks.into_iter();
        let first = chunks.next().unwrap_or_default();
        let others: Vec<_> =
            chunks.map(|chunk| scope.spawn(move || chunk.into_iter().map(f).collect::<Vec<U>>())).collect();
        let mut out: Vec<U> = first.into_iter().map(f).collect();
        for other in others {
            out.extend(other.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)));
        }
        out
    })
}

/// `(other(), here())`: `other` on another thread while `here` runs on this one when it is
/// `worth` a thread, else one after the other. A panic in `other` is resumed on the caller.
pub fn beside<A: Send, B>(worth: bool, other: impl FnOnce() -> A + Send, here: impl FnOnce() -> B) -> (A, B) {
    if !worth {
        let here = here();
        return (other(), here);
    }
    std::thread::scope(|scope| {
        let other = scope.spawn(other);
        let here = here();
        (other.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)), here)
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn maps_every_item_in_order_whatever_the_number() {
        for n in [0, 1, 255, 256, 511, 512, 513, 10_000] {
            let items: Vec<usize> = (0..n).collect();
            let threads = std::sync::Mutex::new(std::collections::HashSet::new());
            let out = super::map(items, |i| {
                threads.lock().unwrap().insert(std::thread::current().id());
                i * 2
            });
            assert_eq!(out, (0..n).map(|i| i * 2).collect::<Vec<_>>(), "{n} items");
            let cores = std::thread::available_parallelism().map_or(1, |c| c.get());
            // Each thread maps at least MIN_PER_THREAD items; no items, no thread maps any.
            let expected = if n == 0 { 0 } else { cores.min(n / super::MIN_PER_THREAD).max(1) };
            assert_eq!(threads.lock().unwrap().len(), expected, "{n} items");
        }
    }

    #[test]
    fn a_panic_reaches_the_caller() {
        let items: Vec<usize> = (0..2_000).collect();
        let caught =
            std::panic::catch_unwind(|| super::map(items, |i| if i == 1_999 { panic!("the last") } else { i }));
        assert!(caught.is_err());
    }

    #[test]
    fn beside_runs_both_on_two_threads_only_when_worth_it() {
        for worth in [false, true] {
            let here = std::thread::current().id();
            let ((a, other), (b, this)) =
                super::beside(worth, || (1, std::thread::current().id()), || (2, std::thread::current().id()));
            assert_eq!((a, b, this), (1, 2, here));
            assert_eq!(other != here, worth);
        }
    }
}
