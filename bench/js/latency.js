/* global document, performance, MutationObserver, Event, setTimeout */
// Input to result on the period widget: `count` changes of its days, each until its new result is shown (ms).
async (count) => {
    const widget = document.querySelector('[data-gw-kind="period"]');
    const input = widget.querySelector('input[name=days]');
    const output = widget.querySelector('[data-gw-result]');
    const times = [];
    for (let i = 0; i < count; i++) {
        const days = String(200 + i);  // every change gives a new result
        const shown = () => (output.querySelector('.gw-headline') || {}).textContent?.includes(`of ${days}`);
        const start = performance.now();
        const done = new Promise((resolve) => {
            const observer = new MutationObserver(() => { if (shown()) { observer.disconnect(); resolve(); } });
            observer.observe(output, {childList: true, subtree: true, characterData: true});
        });
        input.value = days;
        input.dispatchEvent(new Event('input', {bubbles: true}));
        await done;
        times.push(performance.now() - start);
        await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return times;
}
