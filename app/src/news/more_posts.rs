//! Older posts appended to the feed as the reader scrolls near its end, or presses "Older posts".
//! The link stays a real address (`?before=`), so without JavaScript, or opened in a new tab, it
//! is the next page; with it, the next page's posts join the feed in place and the reader keeps
//! their place. A failed load says why and leaves the link for another try.

use super::{NEWS_PATH, NewsFeed, NewsPost};
use crate::error::AppError;
use crate::i18n::{I18n, PerLocale, localized};
use crate::page_data::{PageName, load_page};
use crate::t;
use leptos::prelude::*;

/// How far below the screen, in pixels, the link may be when the next page starts loading, so
/// it has usually arrived by the time the reader gets there.
#[cfg(feature = "hydrate")]
const AHEAD: f64 = 800.0;

/// The feed's appended pages and where the next one starts.
#[derive(Clone, Copy)]
pub(super) struct MorePosts {
    /// Each appended page with the id it was loaded before (its posts' way back without
    /// JavaScript).
    pages: RwSignal<Vec<(i32, Vec<NewsPost>)>>,
    next: RwSignal<Option<i32>>,
    busy: RwSignal<bool>,
    /// The reader pressed the link: their focus goes to the next page's first post.
    pressed: RwSignal<bool>,
    /// The link has the keyboard's focus.
    focused: RwSignal<bool>,
    anchor: NodeRef<leptos::html::A>,
    failed: RwSignal<Option<AppError>>,
}

impl MorePosts {
    /// The feed's tail after a first page that ends before `older`.
    pub(super) fn new(older: Option<i32>) -> Self {
        Self {
            pages: RwSignal::new(Vec::new()),
            next: RwSignal::new(older),
            busy: RwSignal::new(false),
            pressed: RwSignal::new(false),
            focused: RwSignal::new(false),
            anchor: NodeRef::new(),
            failed: RwSignal::new(None),
        }
    }

    /// The appended posts, each drawn by `post` with the id its page was loaded before. Pages
    /// are only ever added, so the list is drawn again in place rather than keyed: that keeps the
    /// feed's chunk small, and posts already shown keep their elements.
    pub(super) fn posts(
        self,
        post: impl Fn(NewsPost, i32) -> AnyView + Send + Sync + 'static,
    ) -> impl IntoView {
        move || {
            self.pages.with(|pages| {
                pages
                    .iter()
                    .flat_map(|(before, posts)| posts.iter().map(move |p| (*before, p)))
                    .map(|(before, p)| post(p.clone(), before))
                    .collect_view()
            })
        }
    }

    /// The "Older posts" link, which loads the next page in place, and by itself when scrolled
    /// near.
    pub(super) fn link(self, i18n: I18n, label: PerLocale<String>) -> impl IntoView {
        let anchor = self.anchor;
        #[cfg(feature = "hydrate")]
        self.load_when_near();
        let href = move || self.next.get().map(|id| format!("{NEWS_PATH}?before={id}"));
        let loading = crate::i18n::as_signal(t!(i18n, "loading"));
        let label = crate::i18n::as_signal(localized(i18n, label));
        let text = move || {
            if self.busy.get() {
                loading.get()
            } else {
                label.get()
            }
        };
        view! {
            {move || self.failed.get().map(|error| view! {
                <p class="form-error" role="alert">{error.message(i18n.locale())}</p>
            })}
            <p class="news-older" hidden=move || self.next.get().is_none()>
                <a class="button button--secondary" href=href node_ref=anchor
                    aria-busy=move || self.busy.get().then_some("true")
                    on:focus=move |_| self.focused.set(true)
                    on:blur=move |_| self.focused.set(false)
                    on:click=move |ev| {
                        // A new tab or window still opens the page itself.
                        if ev.button() == 0 && !(ev.ctrl_key() || ev.meta_key() || ev.shift_key()) {
                            ev.prevent_default();
                            self.load(true);
                        }
                    }>{text}</a>
            </p>
        }
    }

    /// Loads the next page; `from_press` moves focus to its first post, as following the link
    /// would have, even when scrolling had already started loading it.
    fn load(self, from_press: bool) {
        let Some(before) = self.next.get_untracked() else {
            return;
        };
        if from_press {
            self.pressed.set(true);
        }
        if self.busy.get_untracked() {
            return;
        }
        self.busy.set(true);
        self.failed.set(None);
        leptos::task::spawn_local(async move {
            let page = load_page(PageName::News, Some(before), None)
                .await
                .and_then(|data| data.decode::<NewsFeed>());
            self.busy.set(false);
            match page {
                Ok(feed) => {
                    let first = feed.posts.first().map(|p| p.id);
                    self.pages.update(|pages| pages.push((before, feed.posts)));
                    self.next.set(feed.older);
                    // A keyboard user on the link, whose page came as it scrolled into view, is
                    // taken to it as if they had pressed.
                    if (self.pressed.get_untracked() || self.focused.get_untracked())
                        && let Some(id) = first
                    {
                        self.pressed.set(false);
                        // After the new posts are drawn.
                        request_animation_frame(move || focus_post(id));
                    }
                }
                Err(error) => {
                    self.pressed.set(false);
                    self.failed.set(Some(error));
                }
            }
        });
    }

    /// Starts the next page when the link comes within [`AHEAD`] pixels of the screen's
    /// bottom: on scrolling, and after each page is drawn, so a page too short to push the link
    /// off the screen brings the next one too.
    #[cfg(feature = "hydrate")]
    fn load_when_near(self) {
        let check = move || {
            // After a failure the reader decides when to try again.
            if self.next.get_untracked().is_none() || self.failed.get_untracked().is_some() {
                return;
            }
            let Some(link) = self.anchor.get_untracked() else {
                return;
            };
            let screen = window()
                .inner_height()
                .ok()
                .and_then(|h| h.as_f64())
                .unwrap_or(0.0);
            if link.get_bounding_client_rect().top() < screen + AHEAD {
                self.load(false);
            }
        };
        let listener = window_event_listener(leptos::ev::scroll, move |_| check());
        on_cleanup(move || listener.remove());
        Effect::new(move |_| {
            self.pages.track();
            request_animation_frame(check);
        });
    }
}

/// Moves focus to post `id`, so a keyboard or screen-reader user carries on from there.
fn focus_post(id: i32) {
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::JsCast;
        let post = document()
            .get_element_by_id(&format!("post-{id}"))
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(post) = post {
            let _ = post.set_attribute("tabindex", "-1");
            let _ = post.focus();
        }
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = id;
}
