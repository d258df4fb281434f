//! The log written off the request workers: each event is formatted where it happens and handed
//! to one background thread that writes to stderr in batches, so a worker never waits on the
//! terminal, a pipe or a log collector, and the writer is woken once per batch, not per event.
//! Nothing is dropped: when the queue is full (the writer cannot keep up), the sender waits, as
//! a direct write would. [`Guard`] flushes what is queued when the command ends.

use std::io::Write;
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::thread::JoinHandle;
use std::time::Duration;

/// Bytes queued at most before senders wait for the writer.
const QUEUE_BYTES: usize = 8 << 20;
/// The writer waits this long after each write, so that events arriving meanwhile go out in one
/// write and wake it once (waking it per event costs a context switch per request).
const BATCH_WINDOW: Duration = Duration::from_millis(2);

/// What the senders and the writer share.
struct Queue {
    state: Mutex<State>,
    /// Events arrived (or a flush was asked for, or the queue closed).
    for_writer: Condvar,
    /// Room in the queue, or a flush done.
    for_senders: Condvar,
    limit: usize,
}

#[derive(Default)]
struct State {
    bytes: Vec<u8>,
    /// Flushes asked for, and done (each takes what was queued before it).
    flushes_asked: u64,
    flushes_done: u64,
}

impl Queue {
    fn lock(&self) -> MutexGuard<'_, State> {
        // A panic while holding the lock leaves only bytes behind: keep logging.
        self.state.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn push(&self, event: &[u8]) {
        let mut state = self.lock();
        while !state.bytes.is_empty() && state.bytes.len() + event.len() > self.limit {
            state = self.for_senders.wait(state).unwrap_or_else(|p| p.into_inner());
        }
        let wake = state.bytes.is_empty();
        state.bytes.extend_from_slice(event);
        drop(state);
        if wake {
            self.for_writer.notify_one();
        }
    }
}

/// Hands each formatted event to the background writer (a `tracing_subscriber` writer).
#[derive(Clone)]
pub struct BackgroundWriter {
    queue: Arc<Queue>,
}

/// One event being formatted; queued whole when the formatter is done with it.
pub struct EventWriter {
    buffer: Vec<u8>,
    queue: Arc<Queue>,
}

/// Keeps the background writer; dropping it writes out everything queued (waiting at most a
/// few seconds, so that a stuck stderr cannot hold the process).
pub struct Guard {
    queue: Arc<Queue>,
    thread: Option<JoinHandle<()>>,
}

/// A writer to stderr on its own thread, and the guard that flushes it.
pub fn stderr() -> (BackgroundWriter, Guard) {
    spawn(std::io::stderr(), QUEUE_BYTES)
}

fn spawn(out: impl Write + Send + 'static, limit: usize) -> (BackgroundWriter, Guard) {
    let queue =
        Arc::new(Queue { state: Mutex::default(), for_writer: Condvar::new(), for_senders: Condvar::new(), limit });
    let writer_queue = queue.clone();
    let thread =
        std::thread::Builder::new().name("log-writer".into()).spawn(move || write_out(&writer_queue, out)).ok();
    (BackgroundWriter { queue: queue.clone() }, Guard { queue, thread })
}

/// Takes what is queued, writes it in one go, and waits for more.
fn write_out(queue: &Queue, mut out: impl Write) {
    let mut batch = Vec::new();
    loop {
        let mut state = queue.lock();
        while state.bytes.is_empty() && state.flushes_asked == state.flushes_done {
            state = queue.for_writer.wait(state).unwrap_or_else(|p| p.into_inner());
        }
        std::mem::swap(&mut batch, &mut state.bytes);
        let flush = state.flushes_asked;
        drop(state);
        queue.for_senders.notify_all();
        let _ = out.write_all(&batch);
        let _ = out.flush();
        batch.clear();
        let mut state = queue.lock();
        if state.flushes_done < flush {
            state.flushes_done = flush;
            drop(state);
            queue.for_senders.notify_all();
        } else {
            drop(state);
            std::thread::sleep(BATCH_WINDOW);
        }
    }
}

impl<'a> tracing_subscriber::fmt::MakeWriter<'a> for BackgroundWriter {
    type Writer = EventWriter;

    fn make_writer(&'a self) -> EventWriter {
        EventWriter { buffer: Vec::with_capacity(256), queue: self.queue.clone() }
    }
}

impl Write for EventWriter {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.buffer.extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Drop for EventWriter {
    fn drop(&mut self) {
        if !self.buffer.is_empty() {
            self.queue.push(&self.buffer);
        }
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        if self.thread.is_none() {
            return;
        }
        let mut state = self.queue.lock();
        state.flushes_asked += 1;
        let asked = state.flushes_asked;
        self.queue.for_writer.notify_one();
        let deadline = std::time::Instant::now() + Duration::from_secs(5);
        while state.flushes_done < asked {
            let left = deadline.saturating_duration_since(std::time::Instant::now());
            if left.is_zero() {
                return;
            }
            state = self.queue.for_senders.wait_timeout(state, left).unwrap_or_else(|p| p.into_inner()).0;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::{Arc, Mutex};

    #[derive(Clone, Default)]
    struct Shared(Arc<Mutex<Vec<u8>>>);

    impl Write for Shared {
        fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(bytes);
            Ok(bytes.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn every_event_is_written_whole_and_in_order_before_the_guard_returns() {
        use tracing_subscriber::fmt::MakeWriter;
        let out = Shared::default();
        // A small queue: senders must wait for the writer, never drop an event.
        let (writer, guard) = spawn(out.clone(), 64);
        let threads: Vec<_> = (0..4)
            .map(|t| {
                let writer = writer.clone();
                std::thread::spawn(move || {
                    for n in 0..500 {
                        let mut event = writer.make_writer();
                        write!(event, "thread {t} ").unwrap();
                        writeln!(event, "event {n}").unwrap();
                    }
                })
            })
            .collect();
        threads.into_iter().for_each(|t| t.join().unwrap());
        drop(guard);
        let text = String::from_utf8(out.0.lock().unwrap().clone()).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 2000);
        for t in 0..4 {
            let mine: Vec<&str> = lines.iter().copied().filter(|l| l.starts_with(&format!("thread {t} "))).collect();
            let expected: Vec<String> = (0..500).map(|n| format!("thread {t} event {n}")).collect();
            assert_eq!(mine, expected, "each thread's events whole and in order");
        }
    }
}
