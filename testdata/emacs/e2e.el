;;; e2e.el --- drives "ie lsp" through eglot, for lsp/emacs_test.go  -*- lexical-binding: t -*-

;; The test loads the README's Emacs configuration verbatim as the init
;; file, then this script, in batch mode:
;;
;;   PATH=/dir/of/ie:$PATH IE_EMACS_FILE=/path/to/broken.manifest \
;;   IE_EMACS_OUT=/path/to/out.jsonl emacs --batch -l init.el -l e2e.el
;;
;; It opens IE_EMACS_FILE and writes one JSON object a line to
;; IE_EMACS_OUT: each diagnostic as Flymake shows it, the completion
;; candidates on the first empty line, and the buffer after eglot's
;; formatting. A step that fails is written as {"kind": ..., "error": ...}.
;; It exits with status 0, or 1 on any failure.

(require 'json)

;; An interactive Emacs activates the installed packages (eglot among
;; them) at startup; batch mode does not, so do it here.
(package-activate-all)

(defvar ie-e2e-lines nil)
(defvar ie-e2e-failed nil)

(defun ie-e2e-emit (&rest plist)
  (push (json-encode-plist plist) ie-e2e-lines))

(defun ie-e2e-wait (pred seconds)
  "Run the event loop until PRED holds or SECONDS pass; return PRED's value."
  (let ((deadline (+ (float-time) seconds)) v)
    (while (and (not (setq v (funcall pred))) (< (float-time) deadline))
      (accept-process-output nil 0.05)
      ;; eglot-ensure and Flymake start from the command loop, which batch
      ;; mode does not run.
      (run-hooks 'post-command-hook))
    v))

(defun ie-e2e-step (kind fn)
  (condition-case err
      (funcall fn)
    (error (setq ie-e2e-failed t)
           (ie-e2e-emit :kind kind :error (error-message-string err)))))

(find-file (getenv "IE_EMACS_FILE"))
(ie-e2e-step
 "connect"
 (lambda ()
   (unless (eq major-mode 'ie-manifest-mode)
     (error "the file opened in %s, not ie-manifest-mode" major-mode))
   (unless (ie-e2e-wait (lambda () (and (fboundp 'eglot-managed-p) (eglot-managed-p))) 20)
     (error "eglot did not start managing the buffer"))))

(ie-e2e-step
 "diagnostic"
 (lambda ()
   (flymake-start)
   (unless (ie-e2e-wait #'flymake-diagnostics 20)
     (error "no diagnostics within 20 s"))
   (dolist (d (sort (flymake-diagnostics)
                    (lambda (a b) (< (flymake-diagnostic-beg a) (flymake-diagnostic-beg b)))))
     (save-excursion
       (goto-char (flymake-diagnostic-beg d))
       (ie-e2e-emit :kind "diagnostic" :line (1- (line-number-at-pos))
                    :col (- (point) (line-beginning-position))
                    :type (symbol-name (flymake-diagnostic-type d))
                    :message (flymake-diagnostic-text d))))))

(ie-e2e-step
 "completion"
 (lambda ()
   (save-excursion
     (goto-char (point-min))
     (unless (re-search-forward "^$" nil t)
       (error "the file has no empty line"))
     (let ((capf (eglot-completion-at-point)))
       (unless capf (error "no completion at the empty line"))
       (ie-e2e-emit :kind "completion"
                    :labels (vconcat (all-completions "" (nth 2 capf))))))))

(ie-e2e-step
 "formatted"
 (lambda ()
   (eglot-format-buffer)
   (ie-e2e-emit :kind "formatted" :text (buffer-substring-no-properties (point-min) (point-max)))))

(set-buffer-modified-p nil)
(with-temp-file (getenv "IE_EMACS_OUT")
  (dolist (l (reverse ie-e2e-lines))
    (insert l "\n")))
(kill-emacs (if ie-e2e-failed 1 0))
