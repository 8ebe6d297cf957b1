//! The wasm modules' memory allocator: blocks in size classes, a free list per class, and
//! fresh blocks carved off the end of a memory that only grows (the edge's `lib.rs`
//! installs it as the global allocator over the wasm memory).
//!
//! A few hundred bytes of wasm: allocating or freeing is a handful of instructions, with
//! no search, no splitting and no merging. What that costs is memory:
//! - a block is larger than the request by up to a quarter (the classes are 8, 16 and
//!   32 bytes, then four to each power of two: 40, 48, 56, 64, 80, ...), and blocks of
//!   16 bytes and more start at a multiple of 16;
//! - a freed block serves its own class again, never another one.
//!
//! Folio's allocations fit that: strings, vectors that grow by doubling, tree nodes, and a
//! list answer that is read and dropped, all of them repeated in the same sizes on every
//! page drawn (`bench/` has the memory figures).

use core::alloc::{GlobalAlloc, Layout};
use core::cell::UnsafeCell;
use core::ptr::null_mut;

/// The classes: 8, 16 and 32 bytes, then four for each power of two up to 2^31.
pub const CLASSES: usize = 3 + 4 * 26;

/// Blocks are carved at a multiple of their size or of this, whichever is smaller.
const BLOCK_ALIGN: usize = 16;

/// Bytes in one page of wasm memory, what [`Grow::grow`] counts in.
pub const PAGE: usize = 65_536;

/// Where the memory comes from.
pub trait Grow {
    /// Adds `pages` pages of memory: the address where they start, or `None` when there
    /// is no more.
    fn grow(&self, pages: usize) -> Option<usize>;
}

/// The allocator over the memory that `G` grows.
pub struct Bins<G> {
    state: UnsafeCell<State>,
    grow: G,
}

struct State {
    /// The first free block of each class (0: none); a free block's first word is the
    /// address of the next one.
    free: [usize; CLASSES],
    /// Where the next fresh block may start.
    next: usize,
    /// Where the memory that has been grown ends.
    end: usize,
}

/// The wasm module has one thread (`wasm32-unknown-unknown` without atomics), so the
/// global allocator is never entered twice at once.
// SAFETY: see above; the type is `Sync` only on that target.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
unsafe impl<G: Sync> Sync for Bins<G> {}

impl<G: Grow> Bins<G> {
    /// An allocator that has carved nothing yet.
    pub const fn new(grow: G) -> Bins<G> {
        Bins { state: UnsafeCell::new(State { free: [0; CLASSES], next: 0, end: 0 }), grow }
    }

    /// A fresh block of `size` bytes at a multiple of `align`, growing the memory when
    /// what is left is too small (null when it cannot grow).
    fn carve(&self, state: &mut State, size: usize, align: usize) -> *mut u8 {
        let fits = |next: usize, end: usize| {
            let start = next.checked_add(align - 1)? & !(align - 1);
            (start.checked_add(size)? <= end).then_some(start)
        };
        let start = match fits(state.next, state.end) {
            Some(start) => start,
            None => {
                // One page more than the block: room for its alignment.
                let pages = size.div_ceil(PAGE) + 1;
                let Some(base) = self.grow.grow(pages) else { return null_mut() };
                // Memory that continues what was left keeps its start; else what was left
                // is given up.
                if base != state.end {
                    state.next = base;
                }
                state.end = base + pages * PAGE;
                match fits(state.next, state.end) {
                    Some(start) => start,
                    None => return null_mut(),
                }
            }
        };
        state.next = start + size;
        start as *mut u8
    }
}

/// The class of a layout and the size of its blocks (`None` past 2^31 bytes).
pub fn class(layout: Layout) -> Option<(usize, usize)> {
    let want = layout.size().max(layout.align()).max(8);
    if want <= 32 {
        let size = want.next_power_of_two();
        return Some((size.trailing_zeros() as usize - 3, size));
    }
    // 2^(bits - 1) < want <= 2^bits, with bits >= 6: a multiple of 2^(bits - 3).
    let bits = (usize::BITS - (want - 1).leading_zeros()) as usize;
    if bits > 31 {
        return None;
    }
    let step = 1 << (bits - 3);
    let size = (want + step - 1) & !(step - 1);
    Some((3 + (bits - 6) * 4 + (size >> (bits - 3)) - 5, size))
}

// SAFETY: every block handed out lies in memory `grow` gave and no other block overlaps
// it: fresh blocks are carved past every earlier one, and a block goes back on a free list
// only when it is freed (the caller's promise), to be handed out again for its own class,
// whose blocks all have its size; a block from a free list is aligned enough, see `alloc`.
unsafe impl<G: Grow> GlobalAlloc for Bins<G> {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let Some((class, size)) = class(layout) else { return null_mut() };
        // SAFETY: no reference into the state outlives one call, and calls do not nest.
        let state = unsafe { &mut *self.state.get() };
        let head = state.free[class];
        // Every block of a class is at a multiple of min(size, 16), and the class's size is
        // at least the alignment asked for: up to 16, any block of the class will do.
        if head != 0 && layout.align() <= BLOCK_ALIGN {
            // SAFETY: `head` is a free block of this class, whose first word is the link.
            state.free[class] = unsafe { *(head as *const usize) };
            return head as *mut u8;
        }
        self.carve(state, size, layout.align().max(size.min(BLOCK_ALIGN)))
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        let Some((class, _)) = class(layout) else { return };
        // SAFETY: as in `alloc`.
        let state = unsafe { &mut *self.state.get() };
        // SAFETY: the block is ours, at least 8 bytes and aligned for a word, and free now.
        unsafe { *(ptr as *mut usize) = state.free[class] };
        state.free[class] = ptr as usize;
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: `GlobalAlloc::realloc`'s caller promises that this is a valid layout.
        let new = unsafe { Layout::from_size_align_unchecked(new_size, layout.align()) };
        if class(new).map(|c| c.0) == class(layout).map(|c| c.0) {
            return ptr;
        }
        // SAFETY: `new` is a valid layout of a non-zero size (realloc's promise).
        let out = unsafe { self.alloc(new) };
        if !out.is_null() {
            // SAFETY: both blocks are ours and distinct, each at least as long as the copy.
            unsafe {
                core::ptr::copy_nonoverlapping(ptr, out, layout.size().min(new_size));
                self.dealloc(ptr, layout);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    /// A memory of `pages` pages that grows a page run at a time, optionally leaving a
    /// gap between runs (memory that someone else grew).
    struct Fake {
        base: *mut u8,
        pages: usize,
        used: Cell<usize>,
        gap: usize,
    }

    impl Fake {
        fn new(pages: usize, gap: usize) -> Fake {
            let layout = Layout::from_size_align(pages * PAGE, PAGE).unwrap();
            // SAFETY: a non-zero size.
            let base = unsafe { std::alloc::alloc_zeroed(layout) };
            assert!(!base.is_null());
            Fake { base, pages, used: Cell::new(0), gap }
        }
    }

    impl Drop for Fake {
        fn drop(&mut self) {
            // SAFETY: allocated in `new` with this layout.
            unsafe { std::alloc::dealloc(self.base, Layout::from_size_align(self.pages * PAGE, PAGE).unwrap()) }
        }
    }

    impl Grow for &Fake {
        fn grow(&self, pages: usize) -> Option<usize> {
            let start = self.used.get() + if self.used.get() == 0 { 0 } else { self.gap };
            (start + pages <= self.pages).then(|| {
                self.used.set(start + pages);
                self.base as usize + start * PAGE
            })
        }
    }

    #[test]
    fn classes_hold_the_request_and_waste_at_most_a_quarter() {
        let mut last = (0, 0);
        for want in 1..=70_000usize {
            let (class, size) = class(Layout::from_size_align(want, 1).unwrap()).unwrap();
            assert!(size >= want && size % 8 == 0, "{want} -> {size}");
            assert!(want <= 8 || want <= 32 && size < want * 2 || size * 4 <= want * 5 + 32, "{want} -> {size}");
            assert!(class == last.0 && size == last.1 || class == last.0 + 1 || last == (0, 0), "{want}");
            last = (class, size);
        }
        assert_eq!(class(Layout::from_size_align(1 << 31, 8).unwrap()), Some((CLASSES - 1, 1 << 31)));
        assert_eq!(class(Layout::from_size_align((1 << 31) + 1, 8).unwrap()), None);
        assert_eq!(class(Layout::from_size_align(4, 16).unwrap()), Some((1, 16)));
        assert_eq!(class(Layout::from_size_align(33, 8).unwrap()), Some((3, 40)));
    }

    /// Fills a block with a byte that says which allocation it is.
    fn fill(ptr: *mut u8, len: usize, mark: u8) {
        // SAFETY: the test's blocks are `len` bytes long.
        unsafe { std::ptr::write_bytes(ptr, mark, len) }
    }

    fn intact(ptr: *mut u8, len: usize, mark: u8) -> bool {
        // SAFETY: as in `fill`.
        unsafe { std::slice::from_raw_parts(ptr, len) }.iter().all(|&b| b == mark)
    }

    fn churn(gap: usize) {
        let memory = Fake::new(1024, gap);
        let bins = Bins::new(&memory);
        let mut live: Vec<(*mut u8, Layout, u8)> = Vec::new();
        let mut seed = 0x2545_f491_u32;
        let mut random = move |n: u32| {
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            seed % n
        };
        for step in 0..20_000u32 {
            let mark = (step % 251) as u8 + 1;
            match random(4) {
                0 => {
                    let size = [1, 7, 8, 24, 33, 100, 700, 5_000, 70_000][random(9) as usize];
                    let align = [1, 2, 4, 8, 16, 64][random(6) as usize];
                    let layout = Layout::from_size_align(size, align).unwrap();
                    // SAFETY: a non-zero size.
                    let ptr = unsafe { bins.alloc(layout) };
                    assert!(!ptr.is_null() && ptr as usize % align == 0, "{size} {align}");
                    fill(ptr, size, mark);
                    live.push((ptr, layout, mark));
                }
                1 | 3 if !live.is_empty() => {
                    let (ptr, layout, mark) = live.swap_remove(random(live.len() as u32) as usize);
                    assert!(intact(ptr, layout.size(), mark));
                    // SAFETY: allocated by `bins` with this layout, freed once.
                    unsafe { bins.dealloc(ptr, layout) };
                }
                2 if !live.is_empty() => {
                    let i = random(live.len() as u32) as usize;
                    let (ptr, layout, old) = live[i];
                    let size = [1, 16, 40, 300, 4_000, 66_000][random(6) as usize];
                    // SAFETY: allocated by `bins` with this layout; a non-zero size.
                    let moved = unsafe { bins.realloc(ptr, layout, size) };
                    assert!(!moved.is_null() && moved as usize % layout.align() == 0);
                    assert!(intact(moved, layout.size().min(size), old));
                    fill(moved, size, mark);
                    live[i] = (moved, Layout::from_size_align(size, layout.align()).unwrap(), mark);
                }
                _ => {}
            }
            if step % 1000 == 0 {
                assert!(live.iter().all(|&(ptr, layout, mark)| intact(ptr, layout.size(), mark)));
            }
        }
        assert!(live.iter().all(|&(ptr, layout, mark)| intact(ptr, layout.size(), mark)));
    }

    #[test]
    fn blocks_never_overlap_and_keep_their_contents() {
        churn(0);
    }

    #[test]
    fn memory_grown_elsewhere_in_between_is_left_alone() {
        churn(1);
    }

    #[test]
    fn freed_blocks_are_used_again() {
        let memory = Fake::new(8, 0);
        let bins = Bins::new(&memory);
        let layout = Layout::from_size_align(100, 8).unwrap();
        // SAFETY: non-zero sizes; each block freed once.
        unsafe {
            let a = bins.alloc(layout);
            bins.dealloc(a, layout);
            assert_eq!(bins.alloc(layout), a);
            assert_eq!(bins.alloc(Layout::from_size_align(112, 8).unwrap()), a.add(112), "same class, 112 bytes");
        }
        assert_eq!(memory.used.get(), 2);
    }

    #[test]
    fn no_memory_left_is_null() {
        let memory = Fake::new(4, 0);
        let bins = Bins::new(&memory);
        // SAFETY: non-zero sizes.
        unsafe {
            assert!(!bins.alloc(Layout::from_size_align(PAGE, 8).unwrap()).is_null());
            assert!(bins.alloc(Layout::from_size_align(3 * PAGE, 8).unwrap()).is_null());
            assert!(!bins.alloc(Layout::from_size_align(64, 8).unwrap()).is_null());
        }
    }
}
