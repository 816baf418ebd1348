import { describe, expect, it } from 'vitest';
import { memoText } from './memo.js';

describe('memoText: the memos the system writes, in the reader language', () => {
  it('a round written by its code never shows the code (a Chinese reader saw "seed")', () => {
    expect(memoText('上海溯维传感技术有限公司 seed', 'zh-CN')).toBe('上海溯维传感技术有限公司 种子轮');
    expect(memoText('上海溯维传感技术有限公司 seed', 'en')).toBe('上海溯维传感技术有限公司 Seed');
    expect(memoText('上海溯维传感技术有限公司 pre_a', 'zh-CN')).toBe('上海溯维传感技术有限公司 Pre-A轮');
  });
  it('a round written by its Chinese name reads in English for an English reader', () =>
    expect(memoText('合肥澄域信息技术有限公司 B轮', 'en')).toBe('合肥澄域信息技术有限公司 Series B'));
  it('fees, exit proceeds and distributions', () => {
    expect(memoText('第3年管理费', 'en')).toBe('Management fee, year 3');
    expect(memoText('第3年管理费', 'zh-CN')).toBe('第3年管理费');
    expect(memoText('上海璟矩信息技术有限公司 退出 #20', 'en')).toBe('上海璟矩信息技术有限公司: exit #20');
    expect(memoText('项目退出分配', 'en')).toBe('Distribution of exit proceeds');
  });
  it('a closing from the pipeline has no English word in Chinese', () => {
    expect(memoText('项目储备交割 deal #12', 'zh-CN')).toBe('项目储备交割（项目 #12）');
    expect(memoText('项目储备交割 deal #12', 'en')).toBe('Closing from the pipeline, deal #12');
  });
  it('what a person typed is shown as typed', () => {
    expect(memoText('Q3 catch-up fee', 'zh-CN')).toBe('Q3 catch-up fee');
    expect(memoText('补缴 2024 年费用', 'en')).toBe('补缴 2024 年费用');
    expect(memoText(null, 'en')).toBe('');
  });
});
